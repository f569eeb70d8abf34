package com.warden.ui.shell;

import com.warden.ui.common.UiStyles;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** A navigation entry: the screen's title, and a caption saying what database it needs. */
final class NavigationCell extends ListCell<Screen> {
    private final ShellViewModel viewModel;
    private final Label title = new Label();
    private final Label caption = new Label();
    private final VBox box = new VBox(2, title, caption);
    private final Tooltip tooltip = new Tooltip();

    NavigationCell(ShellViewModel viewModel) {
        this.viewModel = viewModel;
        title.getStyleClass().add(UiStyles.NAV_TITLE);
        caption.getStyleClass().add(UiStyles.NAV_CAPTION);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
    }

    @Override
    protected void updateItem(Screen screen, boolean empty) {
        super.updateItem(screen, empty);
        getStyleClass().remove(UiStyles.UNAVAILABLE);
        if (empty || screen == null) {
            setGraphic(null);
            setTooltip(null);
            setId(null);
            return;
        }
        setId("nav-" + screen.id());
        title.setText(screen.title());
        caption.setText(viewModel.caption(screen));
        tooltip.setText(screen.summary());
        setTooltip(tooltip);
        if (!viewModel.isAvailable(screen)) {
            getStyleClass().add(UiStyles.UNAVAILABLE);
        }
        setText(null);
        setGraphic(box);
    }
}
