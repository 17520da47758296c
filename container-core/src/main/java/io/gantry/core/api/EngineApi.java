package io.gantry.core.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.core.container.ContainerService;
import io.gantry.core.container.ContainerView;
import io.gantry.core.events.EventLog;
import io.gantry.core.host.HostProbe;
import io.gantry.core.registry.RegistrySettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The Engine API of one engine: its routes, served on the engine's socket. */
public final class EngineApi implements AutoCloseable {

    /** What the API reports about its engine. */
    public record Settings(String engineId, Path dataRoot, Path socket, List<String> registryMirrors,
            RegistrySettings registries) {

        public Settings {
            registryMirrors = List.copyOf(registryMirrors);
        }
    }

    private final EngineApiServer server;

    private EngineApi(EngineApiServer server) {
        this.server = server;
    }

    /**
     * Serves the API. Without a container service (an engine not running as root cannot make namespaces), the
     * container endpoints answer with that reason.
     */
    public static EngineApi serve(Settings settings, EventLog events, Optional<ContainerService> containers)
            throws IOException {
        Router router = new Router();
        ObjectMapper json = EngineApiServer.objectMapper();
        new SystemHandler(settings, HostProbe.ofThisHost(), () -> counts(containers)).register(router);
        new EventsHandler(events, json, Clock.systemUTC()).register(router);
        if (containers.isPresent()) {
            new ContainersHandler(containers.get(), json, Clock.systemUTC()).register(router);
        } else {
            Router.Handler refuse = (rq, rs, p) -> {
                throw new ApiException(500, "this engine runs containers only as root");
            };
            for (String method : new String[] {"GET", "POST", "DELETE"}) {
                router.add(method, "/containers/{path*}", refuse);
            }
        }
        return new EngineApi(EngineApiServer.start(settings.socket(), router, SystemHandler.ENGINE_VERSION));
    }

    /** Images are not counted until the image store reaches the API. */
    private static SystemHandler.Counts counts(Optional<ContainerService> containers) {
        int running = 0;
        int paused = 0;
        int stopped = 0;
        for (ContainerView view : containers.map(ContainerService::list).orElse(List.of())) {
            switch (view.runtime().state()) {
                case RUNNING -> running++;
                case PAUSED -> paused++;
                default -> stopped++;
            }
        }
        return new SystemHandler.Counts(running, paused, stopped, 0);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
