package com.warden.ui.sessions;

import com.warden.ui.common.ControllerFactory;
import com.warden.ui.common.Fxml;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Wires sessions.fxml to the {@link SessionsViewModel}: filters, the table that asks for the next
 * page as its last rows come into view, "view as", and one tab per open session.
 */
public final class SessionsController {
    /** Rows from the end at which the next page is asked for. */
    private static final int PREFETCH = 30;

    private final SessionsViewModel viewModel;
    private final Map<SessionViewModel, Tab> tabsByModel = new HashMap<>();

    @FXML private BorderPane root;
    @FXML private TabPane tabs;
    @FXML private Tab listTab;
    @FXML private TextField searchField;
    @FXML private ComboBox<String> userBox;
    @FXML private ComboBox<String> appBox;
    @FXML private ComboBox<String> statusBox;
    @FXML private DatePicker fromPicker;
    @FXML private DatePicker toPicker;
    @FXML private Button clearButton;
    @FXML private ComboBox<String> viewAsBox;
    @FXML private Button viewAsButton;
    @FXML private Button viewAsResetButton;
    @FXML private Label rlsLine;
    @FXML private Label filterError;
    @FXML private TableView<SessionItem> sessionsTable;
    @FXML private TableColumn<SessionItem, String> titleColumn;
    @FXML private TableColumn<SessionItem, String> userColumn;
    @FXML private TableColumn<SessionItem, String> appColumn;
    @FXML private TableColumn<SessionItem, String> statusColumn;
    @FXML private TableColumn<SessionItem, Long> messagesColumn;
    @FXML private TableColumn<SessionItem, Long> tokensColumn;
    @FXML private TableColumn<SessionItem, String> activityColumn;
    @FXML private ProgressIndicator listBusy;
    @FXML private Label footer;
    @FXML private Button openButton;
    @FXML private TextField openIdField;

    public SessionsController(SessionsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        root.getStylesheets().add(SessionsController.class.getResource("sessions.css").toExternalForm());
        filters();
        table();
        viewAs();
        listBusy.visibleProperty().bind(viewModel.loadingProperty());
        footer.textProperty().bind(viewModel.footerProperty());
        openButton.disableProperty().bind(sessionsTable.getSelectionModel().selectedItemProperty().isNull());
        openIdField.setOnAction(e -> viewModel.openById(openIdField.getText()));
        viewModel.openSessions().addListener((ListChangeListener<SessionViewModel>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::removeTab);
                change.getAddedSubList().forEach(this::showTab);
            }
        });
    }

    private void filters() {
        searchField.textProperty().bindBidirectional(viewModel.searchProperty());
        statusBox.getItems().setAll(SessionsViewModel.STATUSES);
        statusBox.valueProperty().bindBidirectional(viewModel.statusProperty());
        fromPicker.valueProperty().bindBidirectional(viewModel.fromProperty());
        toPicker.valueProperty().bindBidirectional(viewModel.toProperty());
        suggesting(userBox, viewModel.userSuggestions(), viewModel::suggestUsers, text -> {
            viewModel.userProperty().set(text);
            viewModel.applyFilters();
        });
        suggesting(appBox, viewModel.appSuggestions(), viewModel::suggestApps, text -> {
            viewModel.appProperty().set(text);
            viewModel.applyFilters();
        });
        viewModel.userProperty().addListener((obs, old, now) -> userBox.getEditor().setText(now));
        viewModel.appProperty().addListener((obs, old, now) -> appBox.getEditor().setText(now));
        filterError.textProperty().bind(viewModel.filterErrorProperty());
        filterError.visibleProperty().bind(viewModel.filterErrorProperty().isNotEmpty());
        filterError.managedProperty().bind(filterError.visibleProperty());
    }

    /** An editable combo box whose list follows what is typed; Enter or a pick applies it. */
    private static void suggesting(ComboBox<String> box, javafx.collections.ObservableList<String> suggestions,
                                   Consumer<String> suggest, Consumer<String> apply) {
        box.setItems(suggestions);
        box.getEditor().textProperty().addListener((obs, old, now) -> {
            if (box.getEditor().isFocused()) {
                suggest.accept(now);
            }
        });
        // Enter in the editor and a pick from the list both end here (an editable ComboBox commits and fires its action)
        box.setOnAction(e -> {
            String text = box.getEditor().getText();
            if (box.getValue() != null && !box.getValue().equals(text) && box.isShowing()) {
                text = box.getValue();
                box.getEditor().setText(text);
            }
            apply.accept(text == null ? "" : text);
        });
        box.focusedProperty().addListener((obs, was, now) -> {
            if (now && suggestions.isEmpty()) {
                suggest.accept(box.getEditor().getText());
            }
        });
    }

    private void table() {
        sessionsTable.setItems(viewModel.rows());
        sessionsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        titleColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().title()));
        userColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().user()));
        appColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().app()));
        statusColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
        messagesColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().messages()));
        tokensColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().tokens()));
        activityColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().lastActivityText()));
        messagesColumn.setCellFactory(c -> numberCell());
        tokensColumn.setCellFactory(c -> numberCell());
        statusColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s);
                getStyleClass().removeAll("status-active", "status-idle", "status-archived");
                if (!empty && s != null) {
                    getStyleClass().add("status-" + s);
                }
            }
        });
        Label empty = new Label();
        empty.textProperty().bind(viewModel.emptyTextProperty());
        empty.getStyleClass().add("empty-state");
        sessionsTable.setPlaceholder(empty);
        sessionsTable.setRowFactory(t -> {
            TableRow<SessionItem> row = new TableRow<>() {
                @Override
                public void updateIndex(int i) {
                    super.updateIndex(i);
                    // a row near the end came into view: ask for the next page (keyset, never OFFSET)
                    if (i >= 0 && i >= getTableView().getItems().size() - PREFETCH && viewModel.hasMoreProperty().get()) {
                        Platform.runLater(viewModel::loadMore);
                    }
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    open(row.getItem());
                }
            });
            return row;
        });
        sessionsTable.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && sessionsTable.getSelectionModel().getSelectedItem() != null) {
                open(sessionsTable.getSelectionModel().getSelectedItem());
            }
        });
        // the list ended but the viewport is not full: fetch on
        viewModel.hasMoreProperty().addListener((obs, old, more) -> {
            if (more && sessionsTable.getItems().size() < PREFETCH) {
                Platform.runLater(viewModel::loadMore);
            }
        });
    }

    private static TableCell<SessionItem, Long> numberCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(Long n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : Fmt.count(n));
            }
        };
    }

    private void viewAs() {
        suggesting(viewAsBox, viewModel.userSuggestions(), viewModel::suggestUsers, viewModel::viewAs);
        viewModel.viewAsTextProperty().addListener((obs, old, now) -> viewAsBox.getEditor().setText(now));
        rlsLine.textProperty().bind(Bindings.createStringBinding(() -> {
            UserChoice who = viewModel.viewingAsProperty().get();
            String line = viewModel.rlsLineProperty().get();
            return who.isUser() ? "Viewing as " + who.label() + ": " + SessionsViewModel.viewAsHint() : line;
        }, viewModel.viewingAsProperty(), viewModel.rlsLineProperty()));
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        tip.textProperty().bind(rlsLine.textProperty());
        rlsLine.setTooltip(tip);
        viewModel.viewingAsProperty().addListener((obs, old, now) -> {
            rlsLine.getStyleClass().remove("viewing-as");
            if (now.isUser()) {
                rlsLine.getStyleClass().add("viewing-as");
            }
            listTab.setText(now.isUser() ? "All sessions (as " + now.email() + ")" : "All sessions");
        });
        viewAsButton.disableProperty().bind(viewModel.rlsAvailableProperty().not());
        viewAsBox.disableProperty().bind(viewModel.rlsAvailableProperty().not());
        viewAsResetButton.visibleProperty().bind(Bindings.createBooleanBinding(() -> viewModel.viewingAsProperty().get().isUser(),
                viewModel.viewingAsProperty()));
        viewAsResetButton.managedProperty().bind(viewAsResetButton.visibleProperty());
    }

    @FXML
    private void onViewAs() {
        viewModel.viewAs(viewAsBox.getEditor().getText());
    }

    @FXML
    private void onViewAsReset() {
        viewModel.viewAs("");
    }

    @FXML
    private void onClear() {
        userBox.getEditor().setText("");
        appBox.getEditor().setText("");
        viewModel.clearFilters();
    }

    @FXML
    private void onOpen() {
        SessionItem item = sessionsTable.getSelectionModel().getSelectedItem();
        if (item != null) {
            open(item);
        }
    }

    private void open(SessionItem item) {
        showTab(viewModel.open(item));
    }

    /** The tab of an open session: made the first time, selected every time. */
    private void showTab(SessionViewModel vm) {
        Tab tab = tabsByModel.get(vm);
        if (tab == null) {
            SessionController controller = new SessionController(vm);
            Parent view = Fxml.load(SessionsController.class, "session.fxml",
                    ControllerFactory.of(SessionController.class, () -> controller));
            tab = new Tab();
            tab.textProperty().bind(Bindings.createStringBinding(() -> shorten(vm.titleProperty().get())
                    + (vm.deletedProperty().get() ? " (deleted)" : ""), vm.titleProperty(), vm.deletedProperty()));
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(vm.titleProperty());
            tab.setTooltip(tip);
            tab.setContent(view);
            tab.setId("session-tab-" + vm.idText());
            Tab created = tab;
            tab.setOnClosed(e -> {
                tabsByModel.remove(vm);
                viewModel.close(vm);
            });
            tabsByModel.put(vm, created);
            tabs.getTabs().add(tab);
        }
        tabs.getSelectionModel().select(tab);
    }

    private void removeTab(SessionViewModel vm) {
        Tab tab = tabsByModel.remove(vm);
        if (tab != null) {
            tabs.getTabs().remove(tab);
        }
    }

    private static String shorten(String title) {
        return title == null ? "" : title.length() > 32 ? title.substring(0, 31) + "…" : title;
    }
}
