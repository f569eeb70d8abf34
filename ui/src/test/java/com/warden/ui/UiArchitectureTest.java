package com.warden.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The desktop's layering, checked on the compiled classes. */
class UiArchitectureTest {
    private static JavaClasses ui;

    @BeforeAll
    static void importClasses() {
        ui = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.warden.ui");
    }

    @Test
    void theDesktopNeverTalksSql() {
        noClasses().that().resideInAPackage("com.warden.ui..")
                .should().dependOnClassesThat().resideInAPackage("java.sql..")
                .because("SQL lives in the engine's capability packages; the ui calls their services through view-models")
                .check(ui);
    }

    @Test
    void controllersOnlyWireTheirViewModels() {
        // A controller may show the engine's results (records, value classes, enums) but must not hold
        // or call what reaches the database: connections, pools and the services built on them.
        DescribedPredicate<JavaClass> reachesTheDatabase = new DescribedPredicate<>("engine classes that reach the database") {
            @Override
            public boolean test(JavaClass c) {
                if (!c.getPackageName().startsWith("com.warden.app")) {
                    return false;
                }
                if (c.getPackageName().startsWith("com.warden.app.connect")) {
                    return true;
                }
                return c.getAllFields().stream().map(f -> f.getRawType().getName()).anyMatch(t ->
                        t.equals("com.warden.app.connect.Database") || t.equals("javax.sql.DataSource")
                                || t.equals("java.sql.Connection"));
            }
        };
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat(reachesTheDatabase)
                .because("a controller binds FXML to its view-model; the view-model is the only caller of the engine")
                .check(ui);
    }

    @Test
    void commonCodeKnowsNoScreen() {
        noClasses().that().resideInAPackage("com.warden.ui.common..")
                .should().dependOnClassesThat().resideInAnyPackage("com.warden.ui.shell..", "com.warden.ui.sessions..",
                        "com.warden.ui.files..", "com.warden.ui.impact..", "com.warden.ui.integrity..",
                        "com.warden.ui.health..", "com.warden.ui.latency..", "com.warden.ui.backup..")
                .because("ui.common is shared by every screen and must not pull one in")
                .check(ui);
    }
}
