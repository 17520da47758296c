package io.gantry.console;

import io.gantry.core.engine.Engine;
import io.gantry.core.engine.EngineConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A real Gantry engine on a temporary data root and socket, removed again on close. */
public final class TestEngine implements AutoCloseable {

    private final Engine engine;
    private final Path data;
    private final Path socketDir;

    private TestEngine(Engine engine, Path data, Path socketDir) {
        this.engine = engine;
        this.data = data;
        this.socketDir = socketDir;
    }

    public static TestEngine start() throws IOException {
        Path data = Files.createTempDirectory("gantry-test-engine");
        Path socketDir = Files.createTempDirectory("gte");
        return new TestEngine(Engine.start(EngineConfig.forDataRoot(data).withSocket(socketDir.resolve("gantry.sock"))),
                data, socketDir);
    }

    public Path socket() {
        return engine.socket();
    }

    /** The engine's event log, to make events happen without containers. */
    public io.gantry.core.events.EventLog events() {
        return engine.events();
    }

    public Path dataRoot() {
        return data;
    }

    @Override
    public void close() throws IOException {
        engine.removeHostState();
        engine.close();
        for (Path root : new Path[] {data, socketDir}) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
