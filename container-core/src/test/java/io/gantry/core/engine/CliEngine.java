package io.gantry.core.engine;

import io.gantry.core.content.ContentStore;
import io.gantry.core.content.FileContentStore;
import io.gantry.core.image.ImageReference;
import io.gantry.core.image.oci.MediaTypes;
import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.registry.RegistryClient;
import io.gantry.core.registry.RegistrySettings;
import io.gantry.core.registry.TestImages;
import io.gantry.core.testing.DockerCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A whole engine as {@code ./gantry engine} runs it, on a temporary data root and its own socket, pulling docker.io
 * images through a mirror on a loopback registry (no other registry may be contacted), driven by the docker CLI.
 * Closing it removes every container, what the engine put on the host, both directories, and puts IPv4 forwarding
 * back as it found it.
 */
public final class CliEngine implements AutoCloseable {

    private static final Path IP_FORWARD = Path.of("/proc/sys/net/ipv4/ip_forward");

    private final String ipForward;
    private final Path data;
    private final Path socketDir;
    private final Engine engine;

    private CliEngine(String ipForward, Path data, Path socketDir, Engine engine) {
        this.ipForward = ipForward;
        this.data = data;
        this.socketDir = socketDir;
        this.engine = engine;
    }

    /** An engine with a docker.io mirror on {@code registry} and whatever else {@code settings} adds. */
    public static CliEngine start(LocalRegistry registry, UnaryOperator<EngineConfig> settings) throws IOException {
        String ipForward = Files.readString(IP_FORWARD);
        Path data = Files.createTempDirectory(Path.of("/var/tmp"), "gantry-engine-cli-");
        Path socketDir = Files.createTempDirectory("gecl");
        Engine engine = Engine.start(settings.apply(EngineConfig.forDataRoot(data).withSocket(socketDir.resolve("gantry.sock"))
                .withRegistries(List.of("http://" + registry.host()), Set.of(), true)));
        return new CliEngine(ipForward, data, socketDir, engine);
    }

    /** Pushes {@code library/busybox:latest} (from Debian's busybox-static) to {@code registry}. */
    static void pushBusybox(LocalRegistry registry, Path workDir) throws Exception {
        RegistryClient client = new RegistryClient(RegistrySettings.onlyConfigured(Set.of(registry.host())));
        ContentStore source = FileContentStore.open(workDir.resolve("source"));
        TestImages.TestImage busybox = TestImages.image(source, MediaTypes.OCI_MANIFEST, "amd64", TestImages.busyboxLayer());
        TestImages.push(client, source, ImageReference.parse(registry.host() + "/library/busybox:latest"), busybox);
    }

    /** An engine with a docker.io mirror on {@code registry}. */
    public static CliEngine start(LocalRegistry registry) throws IOException {
        return start(registry, config -> config);
    }

    /** Runs the docker CLI against this engine, checks its exit status and returns its output. */
    String docker(int expectedExit, String... args) throws IOException, InterruptedException {
        return cli().run(expectedExit, args);
    }

    /** The same with {@code input} on the CLI's stdin (a {@code --password-stdin}). */
    String dockerWithInput(int expectedExit, String input, String... args) throws IOException, InterruptedException {
        return cli().runWithInput(expectedExit, input, args);
    }

    /** The docker CLI pointed at this engine, for input from files. */
    public DockerCli cli() {
        return new DockerCli(engine.socket(), data.resolve("docker-config"));
    }

    /** The engine's API socket. */
    public Path socket() {
        return engine.socket();
    }

    /** The engine's data root. */
    Path data() {
        return data;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (String id : docker(0, "ps", "-aq").strip().lines().toList()) {
            docker(0, "rm", "-f", id);
        }
        engine.removeHostState();
        engine.close();
        Files.writeString(IP_FORWARD, ipForward);
        for (Path root : List.of(data, socketDir)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
