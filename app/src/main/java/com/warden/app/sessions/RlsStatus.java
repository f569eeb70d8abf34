package com.warden.app.sessions;

/**
 * Whether "view as user" can honour row-level security on this connection, and why not when
 * it cannot, in plain sentences for the screen and the command line.
 *
 * @param connectedRole       the role Warden is connected as
 * @param superuser           it is a superuser (RLS never binds it)
 * @param bypassRls           it has BYPASSRLS
 * @param ownsTables          it owns (or inherits the owner of) the core tables, which RLS does not bind
 * @param forced              the tables have FORCE ROW LEVEL SECURITY, which binds the owner too
 * @param rlsEnabled          the core tables have row-level security enabled
 * @param readerExists        role warden_rls_reader exists
 * @param readerUsable        it neither bypasses RLS nor owns the tables, and may read schema core
 * @param canSwitch           the connected role may SET ROLE warden_rls_reader
 */
public record RlsStatus(String connectedRole, boolean superuser, boolean bypassRls, boolean ownsTables, boolean forced,
                        boolean rlsEnabled, boolean readerExists, boolean readerUsable, boolean canSwitch) {

    public static final String READER_ROLE = "warden_rls_reader";

    /** How a read as a user is made. */
    public enum Mode {
        /** SET LOCAL ROLE warden_rls_reader + app.current_user_id, per read-only transaction. */
        SWITCH_ROLE,
        /** The connected role is itself bound by RLS: only app.current_user_id is set. */
        CONNECTED_ROLE,
        /** Cannot honour RLS: see {@link #line()}. */
        UNAVAILABLE
    }

    /** RLS does not apply to the connected role itself. */
    public boolean connectedRoleBypasses() {
        return superuser || bypassRls || ownsTables && !forced;
    }

    public Mode mode() {
        if (!rlsEnabled) {
            return Mode.UNAVAILABLE;
        }
        if (readerExists && readerUsable && canSwitch) {
            return Mode.SWITCH_ROLE;
        }
        if (!connectedRoleBypasses()) {
            return Mode.CONNECTED_ROLE;
        }
        return Mode.UNAVAILABLE;
    }

    public boolean available() {
        return mode() != Mode.UNAVAILABLE;
    }

    /** Why the connected role is not bound, in words. */
    public String bypassReason() {
        if (superuser) {
            return "is a superuser";
        }
        if (bypassRls) {
            return "has BYPASSRLS";
        }
        if (ownsTables && !forced) {
            return "owns the core tables";
        }
        return null;
    }

    /** Why view-as-user is unavailable, or null. */
    public String unavailableReason() {
        if (mode() != Mode.UNAVAILABLE) {
            return null;
        }
        if (!rlsEnabled) {
            return "the core tables do not have row-level security enabled (run 'warden migrate')";
        }
        if (!readerExists) {
            return "role " + READER_ROLE + " does not exist (a role with CREATEROLE must run 'warden migrate')";
        }
        if (!readerUsable) {
            return "role " + READER_ROLE + " bypasses RLS, owns the tables or cannot read schema core";
        }
        return "the connected role " + connectedRole + " may not SET ROLE " + READER_ROLE
                + " (GRANT " + READER_ROLE + " TO " + connectedRole + ")";
    }

    /** The plain statement the screen shows next to the "view as" picker. */
    public String line() {
        StringBuilder s = new StringBuilder();
        String reason = bypassReason();
        if (reason != null) {
            s.append("Connected as ").append(connectedRole).append(", which ").append(reason)
                    .append(": row-level security does not bind it, so without a user chosen every session is shown.");
        } else {
            s.append("Connected as ").append(connectedRole)
                    .append(", which row-level security binds: with no user chosen, no session is visible.");
        }
        switch (mode()) {
            case SWITCH_ROLE -> s.append(" View as user switches to ").append(READER_ROLE)
                    .append(" for each read-only transaction and sets app.current_user_id, so the policies apply.");
            case CONNECTED_ROLE -> s.append(" View as user sets app.current_user_id for each read-only transaction on this role.");
            case UNAVAILABLE -> s.append(" View as user cannot honour RLS here: ").append(unavailableReason()).append('.');
        }
        return s.toString();
    }
}
