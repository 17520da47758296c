package io.gantry.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/**
 * The backend reaches engines only through the Engine API: of container-core it may use the wire types, the
 * stateless registry client (with the image reference its API takes) and the stateless host probe (the console shares
 * the engine's host), nothing with engine state. It knows nothing of Vaadin.
 */
@AnalyzeClasses(packages = "io.gantry.console", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule backend_uses_only_the_wire_types_and_registry_client_of_the_engine = noClasses()
            .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "engine internals",
                    c -> c.getPackageName().startsWith("io.gantry.core")
                            && !c.getPackageName().startsWith("io.gantry.core.api.types")
                            && !c.getPackageName().startsWith("io.gantry.core.registry")
                            && !c.getName().equals("io.gantry.core.image.ImageReference")
                            && !c.getPackageName().equals("io.gantry.core.host")));

    @ArchTest
    static final ArchRule backend_knows_no_vaadin = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..");

    @ArchTest
    static final ArchRule features_form_no_cycles = SlicesRuleDefinition.slices()
            .matching("io.gantry.console.(*)..").should().beFreeOfCycles();
}
