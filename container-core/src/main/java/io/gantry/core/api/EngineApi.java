package io.gantry.core.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.core.container.ContainerService;
import io.gantry.core.container.ContainerView;
import io.gantry.core.errors.NotFoundException;
import io.gantry.core.events.EventLog;
import io.gantry.core.host.HostProbe;
import io.gantry.core.images.ImageService;
import io.gantry.core.registry.RegistryClient;
import io.gantry.core.registry.RegistrySettings;
import io.gantry.core.snapshot.StorageDriver;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The Engine API of one engine: its routes, served on the engine's socket. */
public final class EngineApi implements AutoCloseable {

    /** What the API reports about its engine. */
    public record Settings(String engineId, Path dataRoot, Path socket, List<String> registryMirrors,
            RegistrySettings registries, StorageDriver storageDriver) {

        public Settings {
            registryMirrors = List.copyOf(registryMirrors);
        }

        /** An API over the overlay snapshotter, the engine's choice wherever the kernel has overlayfs. */
        public Settings(String engineId, Path dataRoot, Path socket, List<String> registryMirrors,
                RegistrySettings registries) {
            this(engineId, dataRoot, socket, registryMirrors, registries, StorageDriver.OVERLAY2);
        }
    }

    private final EngineApiServer server;

    private EngineApi(EngineApiServer server) {
        this.server = server;
    }

    /** What the API serves; containers and images need root (namespaces, mounts, file ownership). */
    public record Services(EventLog events, Optional<ContainerService> containers, Optional<ImageService> images) {
    }

    /** Serves the API. Without containers or images (an engine not running as root), their endpoints say why. */
    public static EngineApi serve(Settings settings, Services services) throws IOException {
        Router router = new Router();
        ObjectMapper json = EngineApiServer.objectMapper();
        new SystemHandler(settings, HostProbe.ofThisHost(), () -> counts(services)).register(router);
        new EventsHandler(services.events(), json, Clock.systemUTC()).register(router);
        new RegistryHandler(services.images(), new RegistryClient(settings.registries()), json).register(router);
        services.containers().ifPresentOrElse(c -> {
                    new ContainersHandler(c, imageId -> imageSize(services, imageId), json, Clock.systemUTC())
                            .register(router);
                    new ExecHandler(c, json).register(router);
                    new StatsHandler(c, json).register(router);
                    new NetworksHandler(c, json).register(router);
                    new VolumesHandler(c, json).register(router);
                    new ContainerFilesHandler(c.files(), json).register(router);
                },
                () -> refuse(router, "/containers/{path*}", "this engine runs containers only as root"));
        if (services.containers().isPresent() && services.images().isPresent()) {
            new CommitHandler(services.containers().get(), services.images().get()).register(router);
        }
        new PruneHandler(services.containers(), services.images(), json, Clock.systemUTC()).register(router);
        new DiskUsageHandler(services.containers(), services.images(), Clock.systemUTC()).register(router);
        services.images().ifPresentOrElse(i -> {
                    new ImageArchivesHandler(i, json).register(router);
                    new ImagesHandler(i, json).register(router);
                },
                () -> refuse(router, "/images/{path*}", "this engine handles images only as root"));
        return new EngineApi(EngineApiServer.start(settings.socket(), router, SystemHandler.ENGINE_VERSION));
    }

    private static void refuse(Router router, String path, String reason) {
        Router.Handler refuse = (rq, rs, p) -> {
            throw new ApiException(500, reason);
        };
        for (String method : new String[] {"GET", "POST", "DELETE"}) {
            router.add(method, path, refuse);
        }
    }

    private static long imageSize(Services services, String imageId) {
        try {
            return services.images().map(i -> i.inspect(imageId).size()).orElse(0L);
        } catch (NotFoundException removedSince) {
            return 0;
        }
    }

    private static SystemHandler.Counts counts(Services services) {
        int running = 0;
        int paused = 0;
        int stopped = 0;
        for (ContainerView view : services.containers().map(ContainerService::list).orElse(List.of())) {
            switch (view.runtime().state()) {
                case RUNNING -> running++;
                case PAUSED -> paused++;
                default -> stopped++;
            }
        }
        return new SystemHandler.Counts(running, paused, stopped,
                services.images().map(i -> i.list().size()).orElse(0));
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
