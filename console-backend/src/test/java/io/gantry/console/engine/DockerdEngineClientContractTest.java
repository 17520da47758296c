package io.gantry.console.engine;

import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.testing.ApiEngine;
import io.gantry.core.testing.Privileged;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client's contract on Debian's dockerd 20.10: API 1.41, the oldest the console accepts. */
@Privileged
class DockerdEngineClientContractTest extends EngineClientContract {

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    static ApiEngine engine;

    @BeforeAll
    static void start() throws Exception {
        ApiEngine.pushBusybox(REGISTRY);
        engine = ApiEngine.dockerd(REGISTRY);
    }

    @AfterAll
    static void stop() throws Exception {
        engine.close();
    }

    @Override
    ApiEngine engine() {
        return engine;
    }

    @Override
    LocalRegistry registry() {
        return REGISTRY;
    }

    @Override
    String expectedApiVersion() {
        return UnixSocketEngineClient.OLDEST;
    }
}
