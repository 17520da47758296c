package io.gantry.core.api;

import io.gantry.core.events.EventLog;
import io.gantry.core.host.HostProbe;
import io.gantry.core.registry.RegistrySettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

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

    public static EngineApi serve(Settings settings, EventLog events) throws IOException {
        Router router = new Router();
        // No container or image store is wired into the API yet, so there is nothing to count.
        new SystemHandler(settings, HostProbe.ofThisHost(), () -> new SystemHandler.Counts(0, 0, 0, 0)).register(router);
        new EventsHandler(events, EngineApiServer.objectMapper(), Clock.systemUTC()).register(router);
        return new EngineApi(EngineApiServer.start(settings.socket(), router, SystemHandler.ENGINE_VERSION));
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
