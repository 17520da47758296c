package io.gantry.core.engine;

import io.gantry.core.api.EngineApi;
import io.gantry.core.container.ContainerService;
import io.gantry.core.images.ImageService;
import io.gantry.core.network.NetworkService;
import io.gantry.core.registry.RegistryClient;
import io.gantry.core.volume.VolumeStore;
import io.gantry.core.events.EventLog;
import io.gantry.core.host.HostProbe;
import io.gantry.core.runtime.ContainerRuntime;
import io.gantry.core.errors.FailedPreconditionException;
import io.gantry.core.snapshot.Snapshotter;
import io.gantry.core.snapshot.StorageDriver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running engine: its data root prepared and its Engine API served on the configured socket. Closing it stops the
 * API; containers are not stopped (a later engine on the same data root takes them over).
 */
public final class Engine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    private final EngineConfig config;
    private final EventLog events;
    private final Optional<ContainerRuntime> runtime;
    private final Optional<ContainerService> containers;
    private final EngineApi api;

    private Engine(EngineConfig config, EventLog events, Optional<ContainerRuntime> runtime,
            Optional<ContainerService> containers, EngineApi api) {
        this.config = config;
        this.events = events;
        this.runtime = runtime;
        this.containers = containers;
        this.api = api;
    }

    /**
     * Removes what the engine put on the host beyond its data root (bridges, its nftables table, netns handles):
     * for uninstalling an instance, and for tests, which must leave the host as they found it.
     */
    public void removeHostState() {
        containers.ifPresent(ContainerService::removeNetworking);
    }

    /** Deletes the instance's run directory if nothing (a monitor's socket, a netns handle) is left in it. */
    private void removeRunDirIfEmpty() {
        Path runDir = config.instance().runDir();
        try {
            Files.deleteIfExists(runDir);
        } catch (DirectoryNotEmptyException stillInUse) {
            log.debug("run directory {} kept: still in use", runDir);
        } catch (IOException e) {
            log.warn("remove run directory {}: {}", runDir, e.getMessage());
        }
    }

    public static Engine start(EngineConfig config) throws IOException {
        Files.createDirectories(config.dataRoot());
        String id = engineId(config.dataRoot());
        EventLog events = new EventLog(Clock.systemUTC());
        if (!isRoot()) {
            log.warn("not running as root: the engine will neither run containers nor unpack images");
            EngineApi api = EngineApi.serve(settings(id, config, storageDriver(config)), new EngineApi.Services(events, Optional.empty(),
                    Optional.empty()));
            return new Engine(config, events, Optional.empty(), Optional.empty(), api);
        }
        StorageDriver driver = storageDriver(config);
        Snapshotter snapshots = driver.open(config.dataRoot().resolve("snapshots"));
        ContainerRuntime runtime = ContainerRuntime.open(config.instance(), snapshots);
        // Images and containers each need the other (what is in use; what to run): tied through this holder.
        AtomicReference<ContainerService> containersRef = new AtomicReference<>();
        ImageService images = ImageService.builder(config.dataRoot(), snapshots)
                .registry(new RegistryClient(config.registries())).mirrors(config.registryMirrors())
                .users(new ContainerImageUsers(containersRef::get)).open();
        NetworkService network = new NetworkService(config.instance(), config.network());
        ContainerService containers = new ContainerService(runtime, new LocalImageSource(images, snapshots), events,
                config.dataRoot().resolve("containers"), Optional.of(network),
                Optional.of(new VolumeStore(config.dataRoot())));
        if (Files.isDirectory(config.dataRoot().resolve("network/networks"))) {
            containers.startNetworking();
        }
        containersRef.set(containers);
        EngineApi api = EngineApi.serve(settings(id, config, driver), new EngineApi.Services(events, Optional.of(containers),
                Optional.of(images)));
        log.info("Gantry engine {} serving the Engine API on {} (data root {}, storage driver {})", id, config.socket(),
                config.dataRoot(), driver);
        return new Engine(config, events, Optional.of(runtime), Optional.of(containers), api);
    }

    private static EngineApi.Settings settings(String id, EngineConfig config, StorageDriver driver) {
        return new EngineApi.Settings(id, config.dataRoot(), config.socket(), config.registryMirrors(),
                config.registries(), driver);
    }

    /** The configured driver, else the host's best; overlay2 chosen on a kernel without overlayfs is refused. */
    private static StorageDriver storageDriver(EngineConfig config) {
        boolean overlayfs = HostProbe.ofThisHost().read().overlayfs();
        StorageDriver driver = config.storageDriver().orElse(StorageDriver.forHost(overlayfs));
        if (driver == StorageDriver.OVERLAY2 && !overlayfs) {
            throw new FailedPreconditionException("storage driver overlay2: this kernel has no overlayfs "
                    + "(not in /proc/filesystems); choose vfs");
        }
        return driver;
    }

    private static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .anyMatch(l -> l.startsWith("Uid:") && l.split("\\s+")[2].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }

    public EngineConfig config() {
        return config;
    }

    public EventLog events() {
        return events;
    }

    public Path socket() {
        return config.socket();
    }

    /** Docker keeps a stable engine ID in its root; so does Gantry, created on first start. */
    private static String engineId(Path dataRoot) throws IOException {
        Path file = dataRoot.resolve("engine-id");
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        String id = UUID.randomUUID().toString();
        Path temporary = dataRoot.resolve("engine-id.tmp");
        Files.writeString(temporary, id + "\n", StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return id;
    }

    /**
     * Stops the API and lets go of the containers, which keep running for the next engine; removes the run directory
     * if nothing (such as a monitor's socket) is left in it.
     */
    @Override
    public void close() throws IOException {
        api.close();
        runtime.ifPresent(ContainerRuntime::close);
        removeRunDirIfEmpty();
    }
}
