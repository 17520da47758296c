package io.gantry.console;

import io.gantry.core.registry.LocalRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A backend Spring test whose engine pulls from its own loopback registry holding busybox: the registry starts before
 * the class, becomes the test engine's mirror, and goes after the class, with the context and its engine (a cached
 * context would keep pointing at the registry of the class before).
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class RegistryBackedTest {

    @RegisterExtension
    protected static final LocalRegistry REGISTRY = new LocalRegistry();

    @DynamicPropertySource
    static void mirror(DynamicPropertyRegistry properties) {
        properties.add("gantry.test.registry-mirror", REGISTRY::host);
    }

    @BeforeAll
    static void pushBusybox() throws Exception {
        TestEngine.pushBusybox(REGISTRY.host());
    }
}
