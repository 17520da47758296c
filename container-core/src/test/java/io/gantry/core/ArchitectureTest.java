package io.gantry.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/** The engine knows nothing of the console, Spring or Vaadin, and its packages form no cycles. */
@AnalyzeClasses(packages = "io.gantry.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule engine_does_not_know_the_console = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("io.gantry.console..");

    @ArchTest
    static final ArchRule engine_uses_neither_spring_nor_vaadin = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..");

    @ArchTest
    static final ArchRule packages_form_no_cycles = SlicesRuleDefinition.slices()
            .matching("io.gantry.core.(*)..").should().beFreeOfCycles();
}
