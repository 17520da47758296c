package io.gantry.core.engine;

import io.gantry.core.api.EngineApi;
import io.gantry.core.events.EventLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.UUID;
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
    private final EngineApi api;

    private Engine(EngineConfig config, EventLog events, EngineApi api) {
        this.config = config;
        this.events = events;
        this.api = api;
    }

    public static Engine start(EngineConfig config) throws IOException {
        Files.createDirectories(config.dataRoot());
        String id = engineId(config.dataRoot());
        EventLog events = new EventLog(Clock.systemUTC());
        EngineApi api = EngineApi.serve(new EngineApi.Settings(id, config.dataRoot(), config.socket(),
                config.registryMirrors(), config.registries()), events);
        log.info("Gantry engine {} serving the Engine API on {} (data root {})", id, config.socket(), config.dataRoot());
        return new Engine(config, events, api);
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

    /** Stops the API and removes the run directory if nothing (such as a container's netns handle) is left in it. */
    @Override
    public void close() throws IOException {
        api.close();
        Path runDir = config.instance().runDir();
        if (config.socket().startsWith(runDir)) {
            try {
                Files.deleteIfExists(runDir);
            } catch (DirectoryNotEmptyException stillInUse) {
                log.debug("run directory {} kept: still in use", runDir);
            }
        }
    }
}
