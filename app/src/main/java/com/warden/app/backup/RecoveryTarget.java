package com.warden.app.backup;

import com.warden.app.WardenException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Where recovery stops: a time, an LSN, a named restore point, the end of the backup, or the end of the archive. */
public sealed interface RecoveryTarget {
    DateTimeFormatter PG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx");

    /** The recovery_target_* lines for postgresql.auto.conf. */
    List<String> settings();

    String describe();

    /** Commits at or before this time are kept (recovery_target_inclusive). */
    record Time(Instant at) implements RecoveryTarget {
        public List<String> settings() {
            return List.of("recovery_target_time = '" + PG_TIME.format(at.atOffset(ZoneOffset.UTC)) + "'",
                    "recovery_target_inclusive = on");
        }

        public String describe() {
            return "time " + PG_TIME.format(at.atOffset(ZoneOffset.UTC));
        }
    }

    record AtLsn(Lsn lsn) implements RecoveryTarget {
        public List<String> settings() {
            return List.of("recovery_target_lsn = '" + lsn + "'", "recovery_target_inclusive = on");
        }

        public String describe() {
            return "LSN " + lsn;
        }
    }

    record Named(String name) implements RecoveryTarget {
        public Named {
            if (name == null || name.isBlank()) {
                throw new WardenException("The restore point name is empty.", "give the name passed to pg_create_restore_point()");
            }
        }

        public List<String> settings() {
            return List.of("recovery_target_name = '" + ScratchInstance.conf(name) + "'");
        }

        public String describe() {
            return "restore point '" + name + "'";
        }
    }

    /** The first consistent point: the end of the base backup. */
    record Immediate() implements RecoveryTarget {
        public List<String> settings() {
            return List.of("recovery_target = 'immediate'");
        }

        public String describe() {
            return "end of the base backup";
        }
    }

    /** Replay everything the archive holds. */
    record Latest() implements RecoveryTarget {
        public List<String> settings() {
            return List.of();
        }

        public String describe() {
            return "latest (end of the archive)";
        }
    }

    /** "2025-01-15 14:30:00" (local time), with an offset, or ISO; an error says what is accepted. */
    static Instant parseTime(String text) {
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException ignored) {
            // not ISO-8601 with Z: the forms PostgreSQL and people write
        }
        String t = text.trim().replaceFirst("^(\\d{4}-\\d\\d-\\d\\d)T", "$1 ");
        for (String pattern : List.of("yyyy-MM-dd HH:mm:ss[.SSSSSS][.SSS]xxx", "yyyy-MM-dd HH:mm:ss[.SSSSSS][.SSS]x",
                "yyyy-MM-dd HH:mm:ss[.SSSSSS][.SSS] z", "yyyy-MM-dd HH:mm:ss[.SSSSSS][.SSS]'Z'")) {
            try {
                return OffsetDateTime.parse(t, DateTimeFormatter.ofPattern(pattern)).toInstant();
            } catch (DateTimeParseException ignored) {
                // next
            }
            try {
                return java.time.ZonedDateTime.parse(t, DateTimeFormatter.ofPattern(pattern)).toInstant();
            } catch (DateTimeParseException ignored) {
                // next
            }
        }
        try {
            return LocalDateTime.parse(t, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss][.SSSSSS][.SSS]"))
                    .atZone(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e) {
            throw new WardenException("'" + text + "' is not a time.", "write 2025-01-15 14:30:00 (local time) or 2025-01-15 14:30:00+00");
        }
    }

    static RecoveryTarget time(String text) {
        return new Time(parseTime(text));
    }
}
