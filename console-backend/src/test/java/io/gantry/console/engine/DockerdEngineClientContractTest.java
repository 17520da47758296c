package io.gantry.console.engine;

import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.testing.ApiEngine;
import io.gantry.core.testing.Privileged;

/** The client's contract on Debian's dockerd 20.10: API 1.41, the oldest the console accepts. */
@Privileged
class DockerdEngineClientContractTest extends EngineClientContract {

    @Override
    ApiEngine start(LocalRegistry registry) throws Exception {
        return ApiEngine.dockerd(registry);
    }

    @Override
    String expectedApiVersion() {
        return UnixSocketEngineClient.OLDEST;
    }
}
