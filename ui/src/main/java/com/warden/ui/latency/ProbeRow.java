package com.warden.ui.latency;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One probe in the table, updated in place every tick (so the table does not rebuild): the last
 * run, the percentiles over the five-minute window, the limit, the status and the plan verdict.
 */
public final class ProbeRow {
    private final String id;
    private final String name;
    private final String description;
    final ReadOnlyStringWrapper last = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper p50 = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper p95 = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper p99 = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper limit = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("waiting");
    final ReadOnlyStringWrapper plan = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    ProbeRow(String id, String name, String description, String limit) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.limit.set(limit);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public ReadOnlyStringProperty lastProperty() {
        return last.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty p50Property() {
        return p50.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty p95Property() {
        return p95.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty p99Property() {
        return p99.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty limitProperty() {
        return limit.getReadOnlyProperty();
    }

    /** pass, over, error, no data, skipped, waiting, disconnected. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty planProperty() {
        return plan.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
