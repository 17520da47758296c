package io.gantry.console;

import io.gantry.core.engine.Engine;
import io.gantry.core.engine.EngineConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.console.engine.EngineClient;
import io.gantry.console.engine.EngineEndpoint;
import io.gantry.console.engine.UnixSocketEngineClient;
import io.gantry.core.api.types.ContainerSummary;
import io.gantry.core.content.ContentStore;
import io.gantry.core.content.FileContentStore;
import io.gantry.core.image.ImageReference;
import io.gantry.core.image.oci.MediaTypes;
import io.gantry.core.registry.RegistryClient;
import io.gantry.core.registry.RegistrySettings;
import io.gantry.core.registry.TestImages;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** A real Gantry engine on a temporary data root and socket, removed again on close. */
public final class TestEngine implements AutoCloseable {

    private static final Path IP_FORWARD = Path.of("/proc/sys/net/ipv4/ip_forward");

    private volatile Engine engine;
    private final Path data;
    private final Path socketDir;
    /** Networking turns IPv4 forwarding on, as Docker does; a test puts it back as it found it. */
    private final String ipForward = readIpForward();

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

    /**
     * An engine that pulls {@code docker.io} images from {@code registryHost} (a {@code LocalRegistry} on loopback) and
     * contacts no other registry. Its data root is under {@code /var/tmp}, where overlay mounts work.
     */
    public static TestEngine startWithMirror(String registryHost) throws IOException {
        Path data = Files.createTempDirectory(Path.of("/var/tmp"), "gantry-test-engine-");
        Path socketDir = Files.createTempDirectory("gte");
        return new TestEngine(Engine.start(EngineConfig.forDataRoot(data).withSocket(socketDir.resolve("gantry.sock"))
                .withRegistries(List.of("http://" + registryHost), Set.of(), true)), data, socketDir);
    }

    /** As {@link #startWithMirror(String)}, searching {@code index} (a {@code SearchIndexDouble}) for images. */
    public static TestEngine startWithMirror(String registryHost, java.net.URI index) throws IOException {
        Path data = Files.createTempDirectory(Path.of("/var/tmp"), "gantry-test-engine-");
        Path socketDir = Files.createTempDirectory("gte");
        return new TestEngine(Engine.start(EngineConfig.forDataRoot(data).withSocket(socketDir.resolve("gantry.sock"))
                .withRegistries(List.of("http://" + registryHost), Set.of(), true).withIndex(index)), data, socketDir);
    }

    /**
     * An engine that trusts the CAs of {@code certsDir} (Docker's {@code certs.d} layout, as a secured
     * {@code LocalRegistry} gives it) and contacts no registry but those.
     */
    public static TestEngine startTrusting(Path certsDir) throws IOException {
        Path data = Files.createTempDirectory(Path.of("/var/tmp"), "gantry-test-engine-");
        Path socketDir = Files.createTempDirectory("gte");
        return new TestEngine(Engine.start(EngineConfig.forDataRoot(data).withSocket(socketDir.resolve("gantry.sock"))
                .withRegistries(List.of(), Set.of(), true).withRegistryCerts(certsDir)), data, socketDir);
    }

    /** Builds busybox from Debian's busybox-static and pushes it as {@code library/busybox:latest} to the registry. */
    public static void pushBusybox(String registryHost) throws IOException, InterruptedException {
        pushBusybox(registryHost, "latest", List.of());
    }

    /**
     * Pushes busybox as {@code library/busybox:<tag>}, its image config exposing these ports ({@code 8080/tcp}), so
     * that tests can tell images apart by what they bring.
     */
    public static void pushBusybox(String registryHost, String tag, List<String> exposedPorts)
            throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory("gantry-busybox-source");
        try {
            RegistryClient client = new RegistryClient(RegistrySettings.onlyConfigured(Set.of(registryHost)));
            ContentStore source = FileContentStore.open(scratch);
            java.util.Map<String, java.util.Map<String, Object>> exposed = new java.util.LinkedHashMap<>();
            exposedPorts.forEach(p -> exposed.put(p, java.util.Map.of()));
            TestImages.TestImage busybox = TestImages.layered(source, MediaTypes.OCI_MANIFEST, "amd64",
                    List.of(TestImages.busyboxLayer()), new io.gantry.core.image.oci.ImageConfig.ContainerConfig(null,
                            exposed, List.of("PATH=/bin"), List.of(), List.of("sh"), java.util.Map.of(), "/",
                            java.util.Map.of(), null, null));
            TestImages.push(client, source, ImageReference.parse(registryHost + "/library/busybox:" + tag), busybox);
        } finally {
            deleteTree(scratch);
        }
    }

    /**
     * Stops the engine and starts a new one on the same data root and socket, as an engine restart does: containers
     * keep running, every stream a client had open (events, logs) ends, and the new engine has a new event log.
     */
    public void restart() throws IOException {
        Engine old = engine;
        old.close();
        engine = Engine.start(old.config());
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
        removeContainers();
        engine.removeHostState();
        Files.writeString(IP_FORWARD, ipForward);
        engine.close();
        deleteTree(data);
        deleteTree(socketDir);
    }

    /** Containers outlive their engine by design; a test's must not outlive the test. */
    private void removeContainers() {
        try {
            EngineClient client = new UnixSocketEngineClient(new EngineEndpoint(socket(), true), new ObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false));
            for (ContainerSummary c : client.listContainers(true)) {
                client.removeContainer(c.id(), true);
            }
        } catch (RuntimeException e) {
            System.err.println("TestEngine: could not remove every container: " + e.getMessage());
        }
    }

    private static String readIpForward() {
        try {
            return Files.readString(IP_FORWARD);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
