package com.warden.app.backup;

import com.warden.app.WardenException;
import java.nio.file.Path;

/** Where a restore goes. Over an existing database only when its name was typed. */
public sealed interface RestoreTarget {

    String describe();

    /** A database that does not exist yet, on the chosen server: the default. Dropped again if the restore fails. */
    record NewDatabase(String name) implements RestoreTarget {
        public NewDatabase {
            validName(name);
        }

        public String describe() {
            return "new database " + name;
        }
    }

    /** A throwaway server of its own (initdb + pg_ctl in a temp folder), removed afterwards unless kept. */
    record Scratch(boolean keep, Path parent) implements RestoreTarget {
        public String describe() {
            return "a scratch instance" + (keep ? " (kept afterwards)" : "");
        }
    }

    /**
     * Over an existing database, in one transaction (pg_restore --clean --if-exists
     * --single-transaction): a failure leaves it as it was. {@code typedName} must equal {@code name}.
     */
    record Existing(String name, String typedName) implements RestoreTarget {
        public Existing {
            validName(name);
            if (typedName == null || !typedName.equals(name)) {
                throw new WardenException("Restoring over the existing database " + name + " needs its name typed exactly"
                        + (typedName == null || typedName.isBlank() ? "." : "; '" + typedName + "' does not match."),
                        "type " + name + " to confirm, or restore into a new database");
            }
        }

        public String describe() {
            return "the existing database " + name + " (replaced in one transaction)";
        }
    }

    static void validName(String name) {
        if (name == null || name.isBlank()) {
            throw new WardenException("The database name is empty.", "give the name of the database to restore into");
        }
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 63) {
            throw new WardenException("The database name '" + name + "' is longer than PostgreSQL's 63 bytes.", "choose a shorter name");
        }
    }
}
