package io.gantry.core.testing;

import io.gantry.core.content.ContentStore;
import io.gantry.core.content.FileContentStore;
import io.gantry.core.engine.CliEngine;
import io.gantry.core.image.ImageReference;
import io.gantry.core.image.oci.MediaTypes;
import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.registry.RegistryClient;
import io.gantry.core.registry.RegistrySettings;
import io.gantry.core.registry.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An engine behind its Docker API socket, for tests that hold Gantry and Docker to the same contract: Gantry's own
 * engine ({@link #gantry}) or Debian's dockerd ({@link #dockerd}), each with the same {@code busybox:latest} image
 * pulled from a loopback registry (see {@link #pushBusybox}) and known by that one tag, so that image IDs and digests
 * agree. Closing it removes its containers, networks and volumes and stops the engine, which puts back what it changed
 * on the host (IPv4 forwarding included).
 */
public abstract sealed class ApiEngine implements AutoCloseable {

    private final String name;
    private boolean closed;

    private ApiEngine(String name) {
        this.name = name;
    }

    /** A one-file image in the registry (after {@link #pushBusybox}) that no engine has: for tests of a pull. */
    public static final String NOTE_REPOSITORY = "library/note";

    /**
     * Builds busybox from Debian's busybox-static and pushes it to {@code registry} as {@code library/busybox:latest},
     * and a one-file image as {@link #NOTE_REPOSITORY}{@code :latest}.
     */
    public static void pushBusybox(LocalRegistry registry) throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory("gantry-busybox-source");
        try {
            RegistryClient client = new RegistryClient(RegistrySettings.onlyConfigured(Set.of(registry.host())));
            ContentStore source = FileContentStore.open(scratch);
            TestImages.TestImage busybox = TestImages.image(source, MediaTypes.OCI_MANIFEST, "amd64",
                    TestImages.busyboxLayer());
            TestImages.push(client, source, ImageReference.parse(registry.host() + "/library/busybox:latest"), busybox);
            TestImages.push(client, source, ImageReference.parse(registry.host() + "/" + NOTE_REPOSITORY + ":latest"),
                    TestImages.single(source, MediaTypes.OCI_MANIFEST, "note.txt", "pulled for a test\n"));
        } finally {
            deleteTree(scratch);
        }
    }

    /** Gantry's engine on a temporary data root, pulling only from {@code registry} (its docker.io mirror). */
    public static ApiEngine gantry(LocalRegistry registry) throws IOException, InterruptedException {
        return new Gantry(registry).pullBusybox(registry);
    }

    /** Debian's dockerd on its own roots (see {@link DockerDaemon}), with a bridge, pulling from {@code registry}. */
    public static ApiEngine dockerd(LocalRegistry registry) throws IOException, InterruptedException {
        return new Dockerd(registry).pullBusybox(registry);
    }

    /** {@code gantry} or {@code dockerd}, for test names and messages. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    public abstract Path socket();

    public abstract boolean isDocker();

    /** The stock docker CLI on this engine's socket. */
    public abstract DockerCli cli();

    /** Pulls busybox from {@code registry} as {@code busybox:latest} (again, after a test removed it). */
    public ApiEngine pullBusybox(LocalRegistry registry) throws IOException, InterruptedException {
        String source = registry.host() + "/library/busybox:latest";
        cli().run(0, "pull", "-q", source);
        cli().run(0, "tag", source, "busybox:latest");
        cli().run(0, "rmi", source);
        return this;
    }

    /** Removes every container, user network and volume, leaving the busybox image: a clean slate between tests. */
    public void clear() throws IOException, InterruptedException {
        for (String id : cli().run(0, "ps", "-aq").strip().lines().toList()) {
            cli().run(DockerCli.ANY_EXIT, "rm", "-f", "-v", id);
        }
        for (String network : cli().run(0, "network", "ls", "-q", "--filter", "type=custom").strip().lines().toList()) {
            cli().run(DockerCli.ANY_EXIT, "network", "rm", network);
        }
        for (String volume : cli().run(0, "volume", "ls", "-q").strip().lines().toList()) {
            cli().run(DockerCli.ANY_EXIT, "volume", "rm", "-f", volume);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            clear();
        } finally {
            stop();
        }
    }

    abstract void stop() throws IOException, InterruptedException;

    /** Gantry's engine as the engine tests run it ({@link CliEngine}). */
    private static final class Gantry extends ApiEngine {
        private final CliEngine engine;

        Gantry(LocalRegistry registry) throws IOException {
            super("gantry");
            engine = CliEngine.start(registry);
        }

        @Override
        public Path socket() {
            return engine.socket();
        }

        @Override
        public boolean isDocker() {
            return false;
        }

        @Override
        public DockerCli cli() {
            return engine.cli();
        }

        @Override
        void stop() throws IOException, InterruptedException {
            engine.close();
        }
    }

    private static final class Dockerd extends ApiEngine {
        private final DockerDaemon daemon;

        Dockerd(LocalRegistry registry) throws IOException, InterruptedException {
            super("dockerd");
            daemon = DockerDaemon.withBridge().insecureRegistry(registry.host()).start();
        }

        @Override
        public Path socket() {
            return daemon.socket();
        }

        @Override
        public boolean isDocker() {
            return true;
        }

        @Override
        public DockerCli cli() {
            return daemon.cli();
        }

        @Override
        void stop() throws IOException, InterruptedException {
            daemon.close();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
