package com.warden.ui.backup;

import com.warden.app.WardenException;
import com.warden.app.backup.BackupFormat;
import com.warden.app.backup.BackupKind;
import com.warden.app.backup.BackupManifest;
import com.warden.app.backup.BackupPlan;
import com.warden.app.backup.BackupRequest;
import com.warden.app.backup.BackupService;
import com.warden.app.backup.Bytes;
import com.warden.app.backup.TableInfo;
import com.warden.app.connect.ConnectionProfile;
import com.warden.ui.common.BackgroundJobs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The backup wizard's state, typed: what to back up and how (page "Kind"), which schemas and
 * tables (page "Selection", logical only), where to (page "Destination"), and the exact command
 * (page "Review"). Each page's validity is a property the wizard binds its Next/Finish to.
 */
public final class BackupWizardModel {
    public static final String LOGICAL = "logical";
    public static final String PHYSICAL = "physical";

    private final ConnectionProfile profile;
    private final BackupService service;
    private final BackgroundJobs jobs;

    private final StringProperty kind = new SimpleStringProperty(LOGICAL);
    private final StringProperty format = new SimpleStringProperty("custom");
    private final ObservableList<String> formats = FXCollections.observableArrayList();
    private final BooleanProperty defaultCompression = new SimpleBooleanProperty(true);
    private final IntegerProperty compression = new SimpleIntegerProperty(6);
    private final IntegerProperty jobCount = new SimpleIntegerProperty(1);
    private final ObservableList<Rows.Choice> schemas = FXCollections.observableArrayList();
    private final ObservableList<Rows.Choice> tables = FXCollections.observableArrayList();
    private final StringProperty excludePatterns = new SimpleStringProperty("");
    private final StringProperty catalog = new SimpleStringProperty("");
    private final StringProperty label = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper settingsError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper selectionError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper selectionLoading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper command = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper review = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reviewError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper reviewReady = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper databaseLine = new ReadOnlyStringWrapper("");
    private final ObjectProperty<BackupPlan> plan = new SimpleObjectProperty<>();

    public BackupWizardModel(ConnectionProfile profile, BackupService service, BackgroundJobs jobs, Path defaultCatalog) {
        this.profile = profile;
        this.service = service;
        this.jobs = jobs;
        catalog.set(defaultCatalog.toString());
        databaseLine.set(profile.safeUri());
        kind.addListener((o, a, b) -> updateFormats());
        updateFormats();
        for (javafx.beans.Observable o : List.of(kind, format, defaultCompression, compression, jobCount, catalog, label)) {
            o.addListener(x -> validate());
        }
        validate();
    }

    private void updateFormats() {
        if (PHYSICAL.equals(kind.get())) {
            formats.setAll("plain", "tar");
            format.set("plain");
        } else {
            formats.setAll(Arrays.stream(BackupFormat.values()).map(BackupFormat::toString).toList());
            format.set("custom");
        }
    }

    private void validate() {
        try {
            request();
            settingsError.set("");
        } catch (WardenException e) {
            settingsError.set(e.line());
        }
        reviewReady.set(false);
    }

    /** Lists the schemas and tables of the database (off the FX thread). */
    public void loadSelection() {
        if (!tables.isEmpty() || selectionLoading.get()) {
            return;
        }
        selectionLoading.set(true);
        jobs.run("Listing the tables of " + profile.label() + "…", ctx -> service.inventory(profile), inv -> {
            selectionLoading.set(false);
            List<Rows.Choice> s = new ArrayList<>();
            for (String name : inv.schemas()) {
                long n = inv.tables().stream().filter(t -> t.name().schema().equals(name)).count();
                s.add(new Rows.Choice(name, n + " tables"));
            }
            List<Rows.Choice> t = new ArrayList<>();
            for (TableInfo info : inv.tables()) {
                t.add(new Rows.Choice(info.name().toString(), "~" + String.format("%,d", info.estimatedRows()) + " rows, " + Bytes.human(info.bytes())));
            }
            schemas.setAll(s);
            tables.setAll(t);
            selectionError.set("");
        }, problem -> {
            selectionLoading.set(false);
            selectionError.set(JobPanel.line(problem));
        });
    }

    /** The request the pages describe; throws a WardenException with the reason when they do not fit. */
    public BackupRequest request() {
        BackupKind k = PHYSICAL.equals(kind.get()) ? BackupKind.PHYSICAL : BackupKind.LOGICAL;
        Integer level = defaultCompression.get() ? null : compression.get();
        if (catalog.get() == null || catalog.get().isBlank()) {
            throw new WardenException("Choose the folder the backup goes into.", "the catalogue folder");
        }
        return new BackupRequest(k, BackupFormat.parse(format.get()), level, jobCount.get(),
                k == BackupKind.LOGICAL ? selection() : BackupManifest.Selection.ALL, Path.of(catalog.get()),
                label.get() == null || label.get().isBlank() ? null : label.get().trim(), true);
    }

    /** Checked schemas as -n, unchecked tables of checked schemas as -T, plus the typed patterns. */
    BackupManifest.Selection selection() {
        List<String> extra = Arrays.stream(excludePatterns.get().split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        boolean allSchemas = schemas.stream().allMatch(Rows.Choice::isChecked);
        List<String> include = allSchemas ? List.of()
                : schemas.stream().filter(Rows.Choice::isChecked).map(c -> quote(c.name())).toList();
        List<String> exclude = new ArrayList<>();
        for (Rows.Choice t : tables) {
            String schema = t.name().substring(0, t.name().indexOf('.'));
            boolean schemaIn = schemas.stream().anyMatch(s -> s.name().equals(schema) && s.isChecked());
            if (schemaIn && !t.isChecked()) {
                exclude.add(quote(schema) + "." + quote(t.name().substring(schema.length() + 1)));
            }
        }
        exclude.addAll(extra);
        if (!schemas.isEmpty() && schemas.stream().noneMatch(Rows.Choice::isChecked)) {
            throw new WardenException("No schema is chosen.", "tick at least one schema");
        }
        return new BackupManifest.Selection(include, List.of(), List.of(), exclude);
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** Plans the backup (finds the tool, builds the exact command) for the review page. */
    public void prepareReview() {
        reviewReady.set(false);
        reviewError.set("");
        command.set("Preparing…");
        BackupRequest request;
        try {
            request = request();
        } catch (WardenException e) {
            reviewError.set(e.line());
            command.set("");
            return;
        }
        jobs.run("Planning the backup…", ctx -> service.plan(profile, request), p -> {
            plan.set(p);
            command.set(p.commandLine());
            StringBuilder s = new StringBuilder();
            s.append(p.request().kind() == BackupKind.LOGICAL ? "Logical" : "Physical").append(" backup of ").append(profile.safeUri())
                    .append(" (PostgreSQL ").append(p.source().serverVersion()).append(") with ").append(p.tool().describe()).append('\n');
            s.append("Into ").append(p.folder()).append('\n');
            s.append(p.tables().size()).append(" tables, about ").append(Bytes.human(p.tableBytes())).append(" of table data; database ")
                    .append(Bytes.human(p.databaseBytes())).append('\n');
            s.append("Then: a manifest with the SHA-256 of every file and the row count of every table, and an immediate verification (")
                    .append(p.request().kind() == BackupKind.LOGICAL ? "pg_restore --list" : "pg_verifybackup").append(").\n");
            p.notes().forEach(n -> s.append("Note: ").append(n).append('\n'));
            review.set(s.toString());
            reviewReady.set(true);
        }, problem -> {
            command.set("");
            reviewError.set(JobPanel.line(problem));
        });
    }

    BackupPlan plan() {
        return plan.get();
    }

    public boolean logical() {
        return !PHYSICAL.equals(kind.get());
    }

    public StringProperty kindProperty() { return kind; }
    public StringProperty formatProperty() { return format; }
    public ObservableList<String> formats() { return formats; }
    public BooleanProperty defaultCompressionProperty() { return defaultCompression; }
    public IntegerProperty compressionProperty() { return compression; }
    public IntegerProperty jobsProperty() { return jobCount; }
    public ObservableList<Rows.Choice> schemas() { return schemas; }
    public ObservableList<Rows.Choice> tables() { return tables; }
    public StringProperty excludePatternsProperty() { return excludePatterns; }
    public StringProperty catalogProperty() { return catalog; }
    public StringProperty labelProperty() { return label; }
    public ReadOnlyStringProperty settingsErrorProperty() { return settingsError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty selectionErrorProperty() { return selectionError.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty selectionLoadingProperty() { return selectionLoading.getReadOnlyProperty(); }
    public ReadOnlyStringProperty commandProperty() { return command.getReadOnlyProperty(); }
    public ReadOnlyStringProperty reviewProperty() { return review.getReadOnlyProperty(); }
    public ReadOnlyStringProperty reviewErrorProperty() { return reviewError.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty reviewReadyProperty() { return reviewReady.getReadOnlyProperty(); }
    public ReadOnlyStringProperty databaseLineProperty() { return databaseLine.getReadOnlyProperty(); }
}
