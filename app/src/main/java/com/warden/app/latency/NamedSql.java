package com.warden.app.latency;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * SQL with {@code :name} parameters (the pgbench spelling), rewritten for JDBC ({@code ?}) or for a
 * pgbench script with renamed variables. Quotes, dollar quotes, comments and {@code ::} casts are
 * left alone; a literal {@code ?} (a jsonb operator) is escaped as {@code ??} for JDBC.
 */
public final class NamedSql {
    private final String sql;
    private final List<Integer> starts = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<Integer> questionMarks = new ArrayList<>();

    public NamedSql(String sql) {
        this.sql = sql;
        scan();
    }

    /** Parameter names in order of first appearance. */
    public List<String> parameterNames() {
        Set<String> unique = new LinkedHashSet<>(names);
        return List.copyOf(unique);
    }

    /** The SQL for a JDBC PreparedStatement; {@link #jdbcOrder()} says which name each ? binds. */
    public String jdbc() {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        List<int[]> edits = edits();
        for (int[] e : edits) {
            out.append(sql, pos, e[0]);
            out.append(e[2] == 0 ? "??" : "?");
            pos = e[1];
        }
        out.append(sql.substring(pos));
        return out.toString();
    }

    /** For each ? of {@link #jdbc()}, the parameter name it binds, in order (a name may repeat). */
    public List<String> jdbcOrder() {
        return List.copyOf(names);
    }

    /** The SQL with every {@code :name} renamed, e.g. for pgbench variables {@code :s3_name}. */
    public String rename(Function<String, String> newName) {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        for (int i = 0; i < starts.size(); i++) {
            int start = starts.get(i);
            out.append(sql, pos, start).append(':').append(newName.apply(names.get(i)));
            pos = start + 1 + names.get(i).length();
        }
        out.append(sql.substring(pos));
        return out.toString();
    }

    /** {start, end, kind}: kind 1 a parameter, 0 a literal question mark. Sorted by start. */
    private List<int[]> edits() {
        List<int[]> edits = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            edits.add(new int[] {starts.get(i), starts.get(i) + 1 + names.get(i).length(), 1});
        }
        for (int q : questionMarks) {
            edits.add(new int[] {q, q + 1, 0});
        }
        edits.sort((a, b) -> Integer.compare(a[0], b[0]));
        return edits;
    }

    private void scan() {
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipQuoted(i, c);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '$') {
                i = skipDollar(i);
            } else if (c == ':') {
                if (i + 1 < n && sql.charAt(i + 1) == ':') {
                    i += 2; // a cast
                } else if (i + 1 < n && (Character.isLetter(sql.charAt(i + 1)) || sql.charAt(i + 1) == '_')
                        && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)) && sql.charAt(i - 1) != '_')) {
                    int j = i + 1;
                    while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
                        j++;
                    }
                    starts.add(i);
                    names.add(sql.substring(i + 1, j));
                    i = j;
                } else {
                    i++;
                }
            } else if (c == '?') {
                questionMarks.add(i);
                i++;
            } else {
                i++;
            }
        }
    }

    private int skipQuoted(int i, char quote) {
        int j = i + 1;
        while (j < sql.length()) {
            if (sql.charAt(j) == quote) {
                if (j + 1 < sql.length() && sql.charAt(j + 1) == quote) {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return j;
    }

    private int skipDollar(int i) {
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        if (j < sql.length() && sql.charAt(j) == '$') {
            String tag = sql.substring(i, j + 1);
            int end = sql.indexOf(tag, j + 1);
            return end < 0 ? sql.length() : end + tag.length();
        }
        return i + 1; // $1 style or a lone dollar
    }
}
