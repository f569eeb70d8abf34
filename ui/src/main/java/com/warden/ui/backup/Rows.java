package com.warden.ui.backup;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** The plain rows the screen's tables show: strings the view-model formats, nothing the engine owns. */
public final class Rows {
    private Rows() { }

    /** A backup in the catalogue. */
    public record CatalogRow(String id, String finished, String kind, String source, String size, String tables, String state,
                             boolean physical, boolean usable) { }

    /** A retention decision. */
    public record DecisionRow(String id, String finished, String size, String decision, String reason) { }

    /** A timed step of a restore, a recovery or a drill. */
    public record StepRow(String step, String seconds, String ok, String detail) { }

    /** A table's count in the manifest and after a restore. */
    public record CountRow(String table, String expected, String actual, String ok) { }

    /** A past drill, for the history table and the RTO trend. */
    public record DrillRow(String id, String started, String backup, String verdict, double rtoSeconds, String rpo) { }

    /** A running scratch instance the screen started. */
    public record ScratchRow(String id, String url, String state, String folder, String stopCommand, boolean kept) { }

    /** A schema or table with a check box, for the wizard's include lists. */
    public static final class Choice {
        private final String name;
        private final String detail;
        private final BooleanProperty checked = new SimpleBooleanProperty(true);

        public Choice(String name, String detail) {
            this.name = name;
            this.detail = detail;
        }

        public String name() {
            return name;
        }

        public String detail() {
            return detail;
        }

        public BooleanProperty checkedProperty() {
            return checked;
        }

        public boolean isChecked() {
            return checked.get();
        }

        @Override
        public String toString() {
            return detail == null || detail.isBlank() ? name : name + "  (" + detail + ")";
        }
    }
}
