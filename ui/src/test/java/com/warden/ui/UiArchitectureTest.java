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
        // Records and enums are the engine's results: a table may show them. Services, pools and
        // anything else that does work are for view-models only.
        DescribedPredicate<JavaClass> engineServices = new DescribedPredicate<>("engine classes that are not records or enums") {
            @Override
            public boolean test(JavaClass c) {
                return c.getPackageName().startsWith("com.warden.app") && !c.isRecord() && !c.isEnum()
                        && !c.getName().equals("com.warden.app.WardenException");
            }
        };
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat(engineServices)
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
