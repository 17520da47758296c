package io.gantry.console;

import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.testing.Privileged;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A backend test on a real engine that pulls {@code docker.io} images from a loopback registry holding busybox as
 * {@code library/busybox:latest}. The registry starts for each test class, so each class gets its own Spring context
 * (and engine), closed after the class: a later class must not reuse one pointing at a registry that is gone.
 */
@Privileged
@SpringBootTest
@DirtiesContext
public abstract class MirroredEngineTest {

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
