package io.gantry.core.engine;

import io.gantry.core.instance.EngineInstance;
import io.gantry.core.network.NetworkConfig;
import io.gantry.core.registry.RegistrySettings;
import io.gantry.core.snapshot.StorageDriver;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How one engine runs: its data root (from which every host-visible name derives, see {@link EngineInstance}), the
 * API socket, and the registry settings Docker users know from {@code daemon.json}.
 *
 * @param socket          the Engine API's unix socket; by default {@code gantry.sock} in the instance's run directory
 * @param registryMirrors mirrors of docker.io, tried in order before docker.io itself
 * @param storageDriver   how containers' root filesystems are made; empty for the best the host allows
 * @param registries      how registries are reached; by default any, trusting the CAs under {@link #DEFAULT_CERTS_DIR}
 * @param network         containers' resolvers, how published ports are forwarded, the subnet pool
 */
public record EngineConfig(EngineInstance instance, Path socket, List<String> registryMirrors, RegistrySettings registries,
                           Optional<StorageDriver> storageDriver, NetworkConfig network) {

    public EngineConfig {
        registryMirrors = List.copyOf(registryMirrors);
    }

    /** Per-registry CA directories, laid out as Docker's {@code /etc/docker/certs.d} ({@code <host:port>/ca.crt}). */
    public static final Path DEFAULT_CERTS_DIR = Path.of("/etc/gantry/certs.d");

    public static EngineConfig forDataRoot(Path dataRoot) {
        EngineInstance instance = EngineInstance.forDataRoot(dataRoot);
        return new EngineConfig(instance, instance.runDir().resolve("gantry.sock"), List.of(),
                RegistrySettings.defaults().withCertsDir(DEFAULT_CERTS_DIR), Optional.empty(), NetworkConfig.defaults());
    }

    public EngineConfig withSocket(Path socket) {
        return new EngineConfig(instance, socket, registryMirrors, registries, storageDriver, network);
    }

    public EngineConfig withRegistries(List<String> mirrors, RegistrySettings settings) {
        return new EngineConfig(instance, socket, mirrors, settings, storageDriver, network);
    }

    /** Forces a storage driver (dockerd's {@code --storage-driver}); the engine refuses to start if the host lacks it. */
    public EngineConfig withStorageDriver(StorageDriver driver) {
        return new EngineConfig(instance, socket, registryMirrors, registries, Optional.of(driver), network);
    }

    /** Networking settings: resolvers for containers (dockerd's {@code --dns}), the port driver, the subnet pool. */
    public EngineConfig withNetwork(NetworkConfig settings) {
        return new EngineConfig(instance, socket, registryMirrors, registries, storageDriver, settings);
    }

    /**
     * Docker's registry settings: mirrors of docker.io, registries spoken to over plain HTTP, and whether any registry
     * not named here may be contacted at all (tests forbid it, so nothing reaches for the internet).
     */
    public EngineConfig withRegistries(List<String> mirrors, Collection<String> insecure, boolean configuredOnly) {
        Set<String> configured = new HashSet<>(insecure);
        for (String mirror : mirrors) {
            String authority = URI.create(mirror).getAuthority();
            if (authority == null) {
                throw new IllegalArgumentException("a registry mirror must be a URL such as http://127.0.0.1:5000, not " + mirror);
            }
            configured.add(authority);
        }
        return withRegistries(mirrors, new RegistrySettings(configured, configuredOnly, Set.copyOf(insecure), 3,
                Duration.ofMillis(500), registries.certsDir(), RegistrySettings.DOCKER_HUB_INDEX).withIndex(registries.indexUrl()));
    }

    /** Trusts, for each registry, the CAs in {@code directory}{@code /<host:port>/*.crt}; such registries count as configured. */
    public EngineConfig withRegistryCerts(Path directory) {
        return new EngineConfig(instance, socket, registryMirrors, registries.withCertsDir(directory), storageDriver,
                network);
    }

    /** Searches {@code index} (Docker Hub's search API, {@code <index>/v1/search}) instead of Docker Hub's index. */
    public EngineConfig withIndex(URI index) {
        return new EngineConfig(instance, socket, registryMirrors, registries.withIndex(index), storageDriver, network);
    }

    public Path dataRoot() {
        return instance.dataRoot();
    }
}
