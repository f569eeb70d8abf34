package com.warden.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.connect.Access;
import com.warden.app.connect.Database;
import com.warden.app.connect.ProfileResolver;
import com.warden.app.connect.ProfileStore;
import com.warden.app.testing.TestPostgres;
import com.warden.ui.common.DirectJobs;
import com.warden.ui.shell.ConnectDialogViewModel.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connect dialog's behaviour without a toolkit, against the test JVM's PostgreSQL. */
class ConnectDialogViewModelTest {
    @TempDir
    Path config;

    private final List<Database> handedOver = new ArrayList<>();
    private ProfileStore store;
    private ConnectDialogViewModel viewModel;

    @BeforeEach
    void setUp() {
        store = new ProfileStore(config);
        viewModel = new ConnectDialogViewModel(ProfileResolver.system(), store, new DirectJobs(),
                profile -> Database.open(profile, Access.READ_ONLY), null, handedOver::add);
    }

    @AfterEach
    void tearDown() {
        handedOver.forEach(Database::close);
    }

    @Test
    void notAUriGetsOneClearLineAndKeepsWhatWasTyped() {
        viewModel.uriProperty().set("not-a-url");
        viewModel.connect();

        assertThat(viewModel.errorLineProperty().get())
                .isEqualTo("Not a PostgreSQL URI: 'not-a-url'. — write postgresql://user@host:5432/database");
        assertThat(viewModel.uriProperty().get()).isEqualTo("not-a-url");
        assertThat(viewModel.doneProperty().get()).isFalse();
        assertThat(viewModel.busyProperty().get()).isFalse();
        assertThat(handedOver).isEmpty();
    }

    @Test
    void aClosedPortSaysNothingListensThere() {
        viewModel.uriProperty().set("postgresql://nobody@localhost:1/x");
        viewModel.test();

        assertThat(viewModel.errorLineProperty().get()).startsWith("Nothing is listening on localhost:1 (connection refused).");
        assertThat(viewModel.errorDetailsProperty().get()).contains("ConnectException");
        assertThat(viewModel.uriProperty().get()).isEqualTo("postgresql://nobody@localhost:1/x");
        assertThat(viewModel.resultLineProperty().get()).isEmpty();
    }

    @Test
    void badFieldsAreExplainedToo() {
        viewModel.modeProperty().set(Mode.FIELDS);
        viewModel.hostProperty().set("localhost");
        viewModel.portProperty().set("54x2");
        viewModel.connect();
        assertThat(viewModel.errorLineProperty().get()).isEqualTo("The port '54x2' is not a number. — for example 5432");
        assertThat(viewModel.portProperty().get()).isEqualTo("54x2");

        viewModel.modeProperty().set(Mode.URI);
        viewModel.connect();
        assertThat(viewModel.errorLineProperty().get()).startsWith("The URI is empty.");
    }

    @Test
    void testReportsTheServerAndTheSchemaThenConnectHandsTheDatabaseOver() {
        var demo = TestPostgres.demoDatabase("dialog vm");
        viewModel.uriProperty().set(demo.url());

        viewModel.test();
        assertThat(viewModel.errorLineProperty().get()).isEmpty();
        assertThat(viewModel.resultLineProperty().get())
                .startsWith("Connection works: PostgreSQL 15")
                .contains("schema core at version");

        viewModel.connect();
        assertThat(viewModel.doneProperty().get()).isTrue();
        assertThat(handedOver).hasSize(1);
        assertThat(handedOver.get(0).profile().database()).isEqualTo(demo.profile().database());
        assertThat(store.load()).extracting(p -> p.database()).containsExactly(demo.profile().database());
    }

    @Test
    void saveKeepsTheProfileWithoutItsPasswordAndChoosingFillsTheForm() throws Exception {
        viewModel.uriProperty().set("postgresql://alice:s3cret@db.example.com:6543/shop?sslmode=require");
        viewModel.nameProperty().set("shop");
        viewModel.save();

        assertThat(viewModel.errorLineProperty().get()).isEmpty();
        assertThat(viewModel.resultLineProperty().get()).startsWith("Saved as 'shop'");
        assertThat(Files.readString(config.resolve("connections.json"))).doesNotContain("s3cret");
        assertThat(viewModel.saved()).extracting(ConnectDialogViewModel.SavedProfile::name).containsExactly("shop");

        viewModel.uriProperty().set("");
        viewModel.choose(viewModel.saved().get(0));
        assertThat(viewModel.uriProperty().get()).isEqualTo("postgresql://alice@db.example.com:6543/shop?sslmode=require");
        assertThat(viewModel.hostProperty().get()).isEqualTo("db.example.com");
        assertThat(viewModel.portProperty().get()).isEqualTo("6543");
        assertThat(viewModel.sslModeProperty().get()).isEqualTo("require");

        viewModel.forget(viewModel.saved().get(0));
        assertThat(viewModel.saved()).isEmpty();
    }
}
