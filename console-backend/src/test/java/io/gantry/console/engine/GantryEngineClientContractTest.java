package io.gantry.console.engine;

import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.testing.ApiEngine;
import io.gantry.core.testing.Privileged;

/** The client's contract on Gantry's own engine, at the newest API version both speak. */
@Privileged
class GantryEngineClientContractTest extends EngineClientContract {

    @Override
    ApiEngine start(LocalRegistry registry) throws Exception {
        return ApiEngine.gantry(registry);
    }

    @Override
    String expectedApiVersion() {
        return UnixSocketEngineClient.NEWEST;
    }
}
