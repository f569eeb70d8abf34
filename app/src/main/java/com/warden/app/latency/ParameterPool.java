package com.warden.app.latency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Real parameter values for one probe, drawn by its sampler query. Values are kept in
 * PostgreSQL's text form and bound with an unspecified type, exactly as pgbench sends them,
 * so Warden and pgbench run the same SQL with the same parameters and the server infers the types.
 */
public final class ParameterPool {
    private final List<String> names;
    private final List<List<String>> rows;
    private final long sampledAtNanos;

    public ParameterPool(List<String> names, List<List<String>> rows) {
        this.names = List.copyOf(names);
        this.rows = List.copyOf(rows);
        this.sampledAtNanos = System.nanoTime();
    }

    public static ParameterPool none() {
        return new ParameterPool(List.of(), List.of(List.of()));
    }

    /** Runs the probe's sampler and keeps the columns named like the query's parameters. */
    public static ParameterPool sample(Connection c, Probe probe, int timeoutSeconds) throws SQLException {
        List<String> names = probe.parameterNames();
        if (names.isEmpty()) {
            return none();
        }
        try (PreparedStatement ps = c.prepareStatement(probe.sampler())) {
            ps.setQueryTimeout(timeoutSeconds);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                int[] columns = new int[names.size()];
                for (int i = 0; i < names.size(); i++) {
                    columns[i] = -1;
                    for (int col = 1; col <= md.getColumnCount(); col++) {
                        if (md.getColumnLabel(col).toLowerCase(Locale.ROOT).equals(names.get(i).toLowerCase(Locale.ROOT))) {
                            columns[i] = col;
                        }
                    }
                    if (columns[i] < 0) {
                        throw new SamplerMismatch("the sampler returns no column named " + names.get(i)
                                + " for the query's :" + names.get(i));
                    }
                }
                List<List<String>> rows = new ArrayList<>();
                while (rs.next() && rows.size() < 1000) {
                    List<String> row = new ArrayList<>(names.size());
                    for (int col : columns) {
                        row.add(rs.getString(col));
                    }
                    rows.add(row);
                }
                return new ParameterPool(names, rows);
            }
        }
    }

    /** Thrown when the sampler's columns do not match the query's parameters. */
    public static final class SamplerMismatch extends SQLException {
        public SamplerMismatch(String message) {
            super(message);
        }
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public int size() {
        return rows.size();
    }

    public List<String> names() {
        return names;
    }

    public List<List<String>> rows() {
        return rows;
    }

    public List<String> draw(Random random) {
        return rows.get(random.nextInt(rows.size()));
    }

    public double ageSeconds() {
        return (System.nanoTime() - sampledAtNanos) / 1e9;
    }
}
