package com.warden.app.backup;

import java.util.List;

/**
 * What Warden checked after a restore or a recovery: row counts against the manifest, foreign
 * keys (re-checked row by row), index validity, and the project's integrity functions.
 */
public record VerificationReport(List<TableCheck> tables, List<String> foreignKeyProblems, int foreignKeysChecked,
                                 List<String> indexProblems, int indexesChecked, List<IntegrityCheck> integrity,
                                 Verdict verdict, String summary) {

    public enum Verdict { PASS, WARN, FAIL }

    /** One table: the rows the manifest recorded (null when unknown) and the rows found. */
    public record TableCheck(String table, Long expected, Long actual, boolean ok) { }

    /** One integrity function: how many rows it checked and how many failed; skipped when absent. */
    public record IntegrityCheck(String name, long checked, long problems, boolean skipped, String detail) { }

    public VerificationReport {
        tables = List.copyOf(tables);
        foreignKeyProblems = List.copyOf(foreignKeyProblems);
        indexProblems = List.copyOf(indexProblems);
        integrity = List.copyOf(integrity);
    }

    public boolean passed() {
        return verdict == Verdict.PASS;
    }

    public long tablesMatching() {
        return tables.stream().filter(TableCheck::ok).count();
    }
}
