package io.gantry.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Views call backend services and hold no business logic: no SQL, no engine internals. Of container-core the UI may
 * use only what starts the embedded engine.
 */
@AnalyzeClasses(packages = "io.gantry.console", importOptions = ImportOption.DoNotIncludeTests.class)
class UiArchitectureTest {

    static final DescribedPredicate<JavaClass> ENGINE_INTERNALS = DescribedPredicate.describe("engine internals",
            c -> c.getPackageName().startsWith("io.gantry.core") && !c.getPackageName().equals("io.gantry.core.engine"));

    @ArchTest
    static final ArchRule ui_uses_the_engine_only_to_start_it = noClasses()
            .that().resideInAnyPackage("..ui..", "..security..")
            .should().dependOnClassesThat(ENGINE_INTERNALS);

    @ArchTest
    static final ArchRule views_do_not_touch_the_database = noClasses()
            .that().resideInAnyPackage("..ui..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.springframework.jdbc..", "javax.sql..");

    @ArchTest
    static final ArchRule the_backend_does_not_know_the_views = noClasses()
            .that().resideOutsideOfPackages("..ui..", "..security..", "io.gantry.console")
            .should().dependOnClassesThat().resideInAnyPackage("..ui..", "com.vaadin..");
}
