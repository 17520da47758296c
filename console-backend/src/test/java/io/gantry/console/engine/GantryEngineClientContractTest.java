package io.gantry.console.engine;

import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.testing.ApiEngine;
import io.gantry.core.testing.Privileged;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client's contract on Gantry's own engine, at the newest API version both speak. */
@Privileged
class GantryEngineClientContractTest extends EngineClientContract {

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    static ApiEngine engine;

    @BeforeAll
    static void start() throws Exception {
        ApiEngine.pushBusybox(REGISTRY);
        engine = ApiEngine.gantry(REGISTRY);
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
        return UnixSocketEngineClient.NEWEST;
    }
}
