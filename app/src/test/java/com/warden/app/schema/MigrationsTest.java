package com.warden.app.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.testing.TestPostgres;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    @Test
    void migratesAnEmptyDatabaseAndASecondRunIsANoOp() {
        var db = TestPostgres.emptyDatabase("migrations");
        SchemaMigrator migrator = new SchemaMigrator(db.dataSource());
        assertThat(migrator.detect().kind()).isEqualTo(ProjectStatus.Kind.NOT_A_PROJECT);

        SchemaMigrator.Outcome first = migrator.migrate();
        assertThat(first.applied()).isGreaterThanOrEqualTo(5);
        SchemaMigrator.Outcome second = migrator.migrate();
        assertThat(second.applied()).isZero();
        assertThat(second.line()).contains("nothing to apply");
        assertThat(migrator.detect().kind()).isEqualTo(ProjectStatus.Kind.CURRENT);
        assertThat(migrator.info()).allMatch(r -> r.state().equals("Success"));
    }
}
