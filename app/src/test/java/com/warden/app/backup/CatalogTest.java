package com.warden.app.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Retention previews, the tool locator, and the dump table of contents, without a server. */
class CatalogTest {
    private static CatalogEntry entry(String id, LocalDateTime finished, BackupState state) {
        BackupManifest.Source src = new BackupManifest.Source("postgresql://u@h:5432/db", "h", 5432, "db", "u", "15.18", 150018, null, false);
        BackupManifest m = new BackupManifest(1, id, null, BackupKind.LOGICAL, BackupFormat.CUSTOM, null, 1, "dump.pgdump", src, null, null,
                finished.toInstant(ZoneOffset.UTC), finished.toInstant(ZoneOffset.UTC), null, null, null, null, 0, 100,
                BackupManifest.Selection.ALL, List.of(), "db", null, List.of(), null);
        return new CatalogEntry(Path.of("/tmp", id), m, state, "");
    }

    @Test
    void retentionKeepsTheNewestOfEachDayAndWeekAndTheNewestVerified() {
        List<CatalogEntry> entries = new ArrayList<>();
        LocalDateTime start = LocalDateTime.of(2025, 3, 31, 2, 0); // a Monday
        for (int day = 0; day < 30; day++) {
            entries.add(entry("d" + day + "a", start.minusDays(day), BackupState.VERIFIED));
            entries.add(entry("d" + day + "b", start.minusDays(day).minusHours(1), BackupState.VERIFIED));
        }
        entries.add(0, entry("newest-broken", start.plusHours(1), BackupState.DAMAGED));
        // weekly: W14 (Monday 31st: d0a), W13 (newest is Sunday 30th: d1a), W12 (Sunday 23rd: d8a)
        RetentionPlan plan = BackupCatalog.preview(new RetentionPolicy(3, 3), entries, ZoneOffset.UTC);
        assertThat(plan.toKeep()).extracting(CatalogEntry::id).containsExactlyInAnyOrder("d0a", "d1a", "d2a", "d8a");
        assertThat(plan.decisions()).filteredOn(d -> d.entry().id().equals("d0a")).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("newest verified").contains("daily 2025-03-31").contains("weekly 2025-W14"));
        assertThat(plan.decisions()).filteredOn(d -> d.entry().id().equals("newest-broken")).singleElement()
                .satisfies(d -> assertThat(d.keep()).isFalse());
        assertThat(plan.toDelete()).hasSize(entries.size() - 4);
        assertThatThrownBy(() -> new RetentionPolicy(0, 0)).hasMessageContaining("would delete everything");
    }

    @Test
    void theLocatorFindsTheSystemToolsAndListsWhereItLooked() {
        ToolLocator system = ToolLocator.system();
        FoundTool dump = system.find(PgTool.PG_DUMP, 15);
        assertThat(dump.major()).isEqualTo(15);
        assertThat(dump.version()).startsWith("15.");
        assertThat(system.places(15)).extracting(ToolLocator.Place::folder).contains(Path.of("/usr/lib/postgresql/15/bin"));
        assertThat(system.find(PgTool.PG_CTL, 15).path()).isEqualTo(Path.of("/usr/lib/postgresql/15/bin/pg_ctl"));
        // a newer pg_dump would fit an older server; an exact server program would not
        assertThat(system.tryFind(PgTool.PG_DUMP, 13)).isPresent();
        assertThat(system.tryFind(PgTool.POSTGRES, 13)).isEmpty();
        assertThat(system.missing(PgTool.POSTGRES, 13).getMessage())
                .contains("postgres for PostgreSQL 13 was not found; only 15.")
                .contains("/usr/lib/postgresql/13/bin");
        ToolLocator mac = new ToolLocator(List.of(), Map.of("PATH", "/usr/bin"), "Mac OS X", true);
        assertThat(mac.places(16)).extracting(p -> p.folder().toString())
                .contains("/Applications/Postgres.app/Contents/Versions/16/bin", "/opt/homebrew/opt/postgresql@16/bin");
        ToolLocator win = new ToolLocator(List.of(), Map.of("PATH", "", "ProgramFiles", "C:\\Program Files"), "Windows 11", true);
        assertThat(win.places(16)).extracting(p -> p.folder().toString()).anySatisfy(p -> assertThat(p).contains("PostgreSQL").contains("16"));
    }

    @Test
    void theTocParserReadsTypesNamesAndDependencies() {
        DumpToc toc = DumpToc.parse(List.of(
                ";     Dumped from database version: 15.18 (Debian 15.18-0+deb12u1)",
                ";     Format: CUSTOM",
                "6; 2615 16391 SCHEMA - core postgres",
                "215; 1259 16384 TABLE core sessions postgres",
                ";\tdepends on: 6",
                "217; 1259 16397 TABLE core messages postgres",
                ";\tdepends on: 6",
                "3350; 0 16384 TABLE DATA core sessions postgres",
                ";\tdepends on: 215",
                "3352; 0 16397 TABLE DATA core messages postgres",
                ";\tdepends on: 217",
                "3206; 2606 16390 CONSTRAINT core sessions sessions_pkey postgres",
                ";\tdepends on: 215",
                "3207; 2606 16400 FK CONSTRAINT core messages messages_session_id_fkey postgres",
                ";\tdepends on: 215 3206 217"));
        assertThat(toc.sourceMajor()).isEqualTo(15);
        assertThat(toc.tablesWithData()).containsExactly(TableName.parse("core.messages"), TableName.parse("core.sessions"));
        assertThat(toc.entries()).filteredOn(e -> e.id() == 3207).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("FK CONSTRAINT");
            assertThat(e.name()).isEqualTo("messages messages_session_id_fkey");
            assertThat(e.dependsOn()).containsExactly(215, 3206, 217);
        });
        assertThat(toc.selectTables(List.of(TableName.parse("core.messages")))).extracting(DumpToc.Entry::id)
                .containsExactly(6, 217, 3352);
        assertThat(toc.selectTables(List.of(TableName.parse("core.sessions")), true)).extracting(DumpToc.Entry::id)
                .containsExactly(215, 3350, 3206, 3207);
    }

    @Test
    void lsnsAndSegmentsRoundTrip() {
        Lsn l = Lsn.parse("16/B374D848");
        assertThat(l.toString()).isEqualTo("16/B374D848");
        WalSegment s = WalSegment.of(1, l, WalSegment.DEFAULT_SIZE);
        assertThat(s.fileName(WalSegment.DEFAULT_SIZE)).isEqualTo("0000000100000016000000B3");
        assertThat(WalSegment.parse("0000000100000016000000B3", WalSegment.DEFAULT_SIZE)).contains(s);
        assertThatThrownBy(() -> Lsn.parse("12345")).hasMessageContaining("is not an LSN");
        assertThat(RecoveryTarget.parseTime("2025-01-15 14:30:00+00")).isEqualTo(Instant.parse("2025-01-15T14:30:00Z"));
        assertThat(RecoveryTarget.parseTime("2025-01-15 14:30:00"))
                .isEqualTo(LocalDateTime.of(2025, 1, 15, 14, 30).atZone(ZoneId.systemDefault()).toInstant());
        assertThatThrownBy(() -> RecoveryTarget.parseTime("yesterday")).hasMessageContaining("is not a time");
        // as a backup history file writes it, and ISO with a T
        assertThat(RecoveryTarget.parseTime("2026-11-29 02:39:13 UTC")).isEqualTo(Instant.parse("2026-11-29T02:39:13Z"));
        assertThat(RecoveryTarget.parseTime("2026-11-29T02:39:13Z")).isEqualTo(Instant.parse("2026-11-29T02:39:13Z"));
    }

    @Test
    void patternsSelectTablesTheWayPgDumpDoes() {
        List<TableInfo> all = List.of(new TableInfo(TableName.parse("core.messages"), 1, 1), new TableInfo(TableName.parse("core.files"), 1, 1),
                new TableInfo(TableName.parse("public.orders"), 1, 1), new TableInfo(new TableName("Audit", "Log"), 1, 1));
        assertThat(Patterns.select(all, new BackupManifest.Selection(List.of("core"), List.of(), List.of(), List.of("core.f*"))))
                .extracting(t -> t.name().toString()).containsExactly("core.messages");
        assertThat(Patterns.select(all, new BackupManifest.Selection(List.of("core"), List.of(), List.of("public.orders"), List.of())))
                .extracting(t -> t.name().toString()).containsExactly("public.orders");
        assertThat(Patterns.select(all, new BackupManifest.Selection(List.of(), List.of("core"), List.of(), List.of())))
                .extracting(t -> t.name().toString()).containsExactly("public.orders", "Audit.Log");
        assertThat(Patterns.select(all, new BackupManifest.Selection(List.of("\"Audit\""), List.of(), List.of(), List.of())))
                .extracting(t -> t.name().toString()).containsExactly("Audit.Log");
    }
}
