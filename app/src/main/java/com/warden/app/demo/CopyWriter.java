package com.warden.app.demo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into one table with COPY ... FROM STDIN in text format, in 1 MB chunks.
 * Values: null, String, byte[] (bytea), UUID, Instant, Number, Boolean, or anything whose
 * toString is the text form PostgreSQL expects (jsonb text, say).
 */
final class CopyWriter implements AutoCloseable {
    private static final int FLUSH_AT = 1 << 20;
    private static final HexFormat HEX = HexFormat.of();

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private long rows;

    CopyWriter(Connection connection, String table, String columns) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        // table and columns are constants of the generator, never user input
        this.copy = pg.getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT text)");
    }

    void row(Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append('\t');
            }
            append(values[i]);
        }
        buffer.append('\n');
        rows++;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    private void append(Object value) {
        if (value == null) {
            buffer.append("\\N");
        } else if (value instanceof byte[] bytes) {
            buffer.append("\\\\x").append(HEX.formatHex(bytes));
        } else if (value instanceof String s) {
            escape(s);
        } else if (value instanceof UUID || value instanceof Number || value instanceof Boolean || value instanceof Instant) {
            buffer.append(value);
        } else {
            escape(value.toString());
        }
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                case '\t' -> buffer.append("\\t");
                default -> buffer.append(c);
            }
        }
    }

    private void flush() throws SQLException {
        if (buffer.length() > 0) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() throws SQLException {
        try {
            flush();
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }
}
