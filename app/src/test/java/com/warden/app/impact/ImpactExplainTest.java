package com.warden.app.impact;

import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.job.JobContext;
import com.warden.app.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plan proves the walk: dependents go through the index on dest_file_id (the one seed 000
 * lacked), dependencies through the one on (app_id, src_file_id); no sequential scan of the
 * references, with the parameters bound (custom plan) and as the generic plan a prepared
 * statement settles on.
 */
class ImpactExplainTest {
    static DataSource ds;
    static AppInfo app;
    static UUID rootFile;

    @BeforeAll
    static void setUp() throws SQLException {
        ds = TestPostgres.migratedDatabase("impact-explain").dataSource();
        // big enough that a sequential scan would be the planner's choice without the index
        app = SyntheticApp.ensure(ds, "Explain app", 5_000, 25_000, 7, JobContext.none());
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT dest_file_id FROM core.file_references WHERE app_id = ? GROUP BY dest_file_id ORDER BY count(*) DESC LIMIT 1")) {
            ps.setObject(1, app.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                rootFile = rs.getObject(1, UUID.class);
            }
        }
    }

    static String explain(ImpactRequest request) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("EXPLAIN (COSTS OFF) " + ImpactSql.statement(request))) {
            ImpactSql.bind(ps, request);
            return plan(ps.executeQuery());
        }
    }

    /** The same statement PREPAREd on the server and explained as its generic plan. */
    static String explainGeneric(ImpactRequest request) throws SQLException {
        String sql = ImpactSql.statement(request);
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char ch : sql.toCharArray()) {
            numbered.append(ch == '?' ? "$" + ++n : String.valueOf(ch));
        }
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("SET plan_cache_mode = force_generic_plan");
            st.execute("PREPARE walk AS " + numbered);
            String types = "'{" + String.join(",", request.typeNames()) + "}'";
            String plan = plan(st.executeQuery("EXPLAIN (COSTS OFF) EXECUTE walk('" + rootFile + "', " + types + ", "
                    + request.maxDepth() + ", " + types + ")"));
            st.execute("DEALLOCATE walk");
            return plan;
        }
    }

    private static String plan(ResultSet rs) throws SQLException {
        StringBuilder s = new StringBuilder();
        while (rs.next()) {
            s.append(rs.getString(1)).append('\n');
        }
        return s.toString();
    }

    @Test
    void dependentsWalkTheIndexOnDestFileId() throws SQLException {
        ImpactRequest request = ImpactRequest.of(ImpactRoot.file(rootFile));
        for (String plan : new String[] {explain(request), explainGeneric(request)}) {
            assertThat(plan).contains("Recursive Union")
                    .containsPattern("(Index (Only )?Scan using|Bitmap Index Scan on) file_refs_dest_covering")
                    .containsPattern("Index Cond: \\(dest_file_id = f(_\\d+)?\\.id\\)")
                    .doesNotContain("Seq Scan on file_references").doesNotContain("Seq Scan on files");
        }
    }

    @Test
    void dependenciesWalkTheIndexOnSrcFileId() throws SQLException {
        ImpactRequest request = new ImpactRequest(ImpactRoot.file(rootFile), Direction.DEPENDENCIES, 5, EnumSet.of(RefType.IMPORT));
        for (String plan : new String[] {explain(request), explainGeneric(request)}) {
            assertThat(plan).containsPattern("(Index (Only )?Scan using|Bitmap Index Scan on) file_refs_src_covering")
                    .doesNotContain("Seq Scan on file_references").doesNotContain("Seq Scan on files");
        }
    }

    @Test
    void theWalkAnswersOnTheLargeGraph() {
        ImpactGraph g = new ImpactService(ds).analyze(new ImpactRequest(ImpactRoot.file(rootFile), Direction.DEPENDENTS, 50, null));
        assertThat(g.nodes().size()).isGreaterThan(100);
        assertThat(g.cycles()).isNotEmpty();
    }
}
