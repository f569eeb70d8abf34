package com.warden.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.warden.app", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule engineIsFreeOfJavaFx = noClasses().should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the engine serves the CLI and the tests without a toolkit; only ui may use JavaFX");

    @ArchTest
    static final ArchRule onlyTheCliWritesToTheTerminal = noClasses().that().resideOutsideOfPackage("com.warden.app.cli..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("the engine reports through records, jobs and the log; the CLI decides what to print");

    @ArchTest
    static final ArchRule engineDoesNotCallTheCli = noClasses().that().resideOutsideOfPackage("com.warden.app.cli..")
            .should().dependOnClassesThat().resideInAPackage("com.warden.app.cli..")
            .because("the command line sits on top of the capabilities, never under them");
}
