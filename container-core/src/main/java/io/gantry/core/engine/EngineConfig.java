package io.gantry.core.engine;

import io.gantry.core.instance.EngineInstance;
import io.gantry.core.registry.RegistrySettings;
import java.nio.file.Path;
import java.util.List;

/**
 * How one engine runs: its data root (from which every host-visible name derives, see {@link EngineInstance}), the
 * API socket, and the registry settings Docker users know from {@code daemon.json}.
 *
 * @param socket          the Engine API's unix socket; by default {@code gantry.sock} in the instance's run directory
 * @param registryMirrors mirrors of docker.io, tried in order before docker.io itself
 */
public record EngineConfig(EngineInstance instance, Path socket, List<String> registryMirrors, RegistrySettings registries) {

    public EngineConfig {
        registryMirrors = List.copyOf(registryMirrors);
    }

    public static EngineConfig forDataRoot(Path dataRoot) {
        EngineInstance instance = EngineInstance.forDataRoot(dataRoot);
        return new EngineConfig(instance, instance.runDir().resolve("gantry.sock"), List.of(), RegistrySettings.defaults());
    }

    public EngineConfig withSocket(Path socket) {
        return new EngineConfig(instance, socket, registryMirrors, registries);
    }

    public EngineConfig withRegistries(List<String> mirrors, RegistrySettings settings) {
        return new EngineConfig(instance, socket, mirrors, settings);
    }

    public Path dataRoot() {
        return instance.dataRoot();
    }
}
