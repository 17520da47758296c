package io.gantry.console.engine;

import io.gantry.core.api.types.ContainerConfig;
import io.gantry.core.api.types.ContainerCreateRequest;
import io.gantry.core.api.types.HostConfig;
import java.util.List;

/** Create requests as the docker CLI would send them, for tests that make containers behind the console's back. */
public final class EngineClientFixtures {

    private EngineClientFixtures() {
    }

    /** {@code docker create busybox:latest <command>}. */
    public static ContainerCreateRequest busybox(String... command) {
        return create(null, command);
    }

    /** {@code docker create -v <bind> busybox:latest <command>}, e.g. a named volume {@code data:/data}. */
    public static ContainerCreateRequest busyboxWithVolume(String bind, String... command) {
        return create(List.of(bind), command);
    }

    private static ContainerCreateRequest create(List<String> binds, String... command) {
        ContainerConfig config = new ContainerConfig(null, null, null, false, true, true, null, false, false, false,
                null, List.of(command), "busybox:latest", null, null, null, null, null, null);
        HostConfig host = new HostConfig(binds, null, false, null, false, null, null, null, null, 0, 0, 0, 0, null,
                null, false, null, null, null, false, null, null, null, 0, null);
        return new ContainerCreateRequest(config, host, null);
    }
}
