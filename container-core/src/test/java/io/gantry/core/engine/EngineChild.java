package io.gantry.core.engine;

import io.gantry.core.instance.EngineInstance;
import io.gantry.core.network.NetworkConfig;
import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.testing.DockerCli;
import io.gantry.core.testing.NetworkLeftovers;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code ./gantry engine} in a JVM of its own ({@link EngineMain} with the test classpath), so that a test can kill it
 * with SIGKILL and start it again on the same data root, driving it with the docker CLI. Containers' resolver is
 * 127.0.0.1 (their own loopback: no name query leaves the host) and images come only from a docker.io mirror on a
 * loopback registry. {@link #close()} kills the process, takes the instance over with an engine in this JVM to remove
 * every container and everything the engine put on the host, puts IPv4 forwarding back, deletes the directories, and
 * fails if anything of the instance is left on the host (interfaces, table, handles, proxies, mounts, run directory).
 */
final class EngineChild implements AutoCloseable {

    private static final Path IP_FORWARD = Path.of("/proc/sys/net/ipv4/ip_forward");

    private final String ipForward;
    private final Path data;
    private final Path socketDir;
    private final LocalRegistry registry;
    private final NetworkConfig.PortDriver portDriver;
    private final DockerCli cli;
    private Process process;

    private EngineChild(Path data, Path socketDir, LocalRegistry registry, NetworkConfig.PortDriver portDriver)
            throws IOException {
        this.ipForward = Files.readString(IP_FORWARD);
        this.data = data;
        this.socketDir = socketDir;
        this.registry = registry;
        this.portDriver = portDriver;
        this.cli = new DockerCli(socket(), data.resolve("docker-config"));
    }

    static EngineChild start(LocalRegistry registry, NetworkConfig.PortDriver portDriver)
            throws IOException, InterruptedException {
        Path data = Files.createTempDirectory(Path.of("/var/tmp"), "gantry-engine-child-");
        Path socketDir = Files.createTempDirectory("gech");
        EngineChild child = new EngineChild(data, socketDir, registry, portDriver);
        try {
            child.startProcess();
        } catch (IOException | RuntimeException | InterruptedException e) {
            child.close();
            throw e;
        }
        return child;
    }

    EngineInstance instance() {
        return EngineInstance.forDataRoot(data);
    }

    Path socket() {
        return socketDir.resolve("gantry.sock");
    }

    String docker(int expectedExit, String... args) throws IOException, InterruptedException {
        return cli.run(expectedExit, args);
    }

    /** SIGKILL: no shutdown hook, no clean-up, as when the engine crashes or is killed. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
            process = null;
        }
    }

    /** A new engine process on the same data root, answering before this returns. */
    void restart() throws IOException, InterruptedException {
        kill();
        startProcess();
    }

    private void startProcess() throws IOException, InterruptedException {
        Files.deleteIfExists(socket());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dlogback.configurationFile=io/gantry/core/engine/engine-logback.xml",
                "-cp", System.getProperty("java.class.path"), EngineMain.class.getName(),
                "--data", data.toString(), "--socket", socket().toString(),
                "--registry-mirror", "http://" + registry.host(), "--only-configured-registries",
                "--dns", "127.0.0.1", "--port-driver", portDriver.name().toLowerCase(Locale.ROOT))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("engine.log").toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!pings()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the engine did not come up:\n" + Files.readString(data.resolve("engine.log")));
            }
            Thread.sleep(50);
        }
    }

    private boolean pings() {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket()));
            channel.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: gantry\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer answer = ByteBuffer.allocate(64);
            channel.read(answer);
            return new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII).contains(" 200 ");
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        kill();
        EngineConfig config = EngineConfig.forDataRoot(data).withSocket(socket())
                .withNetwork(NetworkConfig.defaults().withDns(List.of("127.0.0.1")).withPortDriver(portDriver));
        Engine engine = Engine.start(config);
        try {
            for (String id : docker(0, "ps", "-aq").strip().lines().toList()) {
                docker(0, "rm", "-f", "-v", id);
            }
            engine.removeHostState();
        } finally {
            engine.close();
            Files.writeString(IP_FORWARD, ipForward);
        }
        List<Path> left = new ArrayList<>();
        for (Path root : List.of(data, socketDir)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.toFile().delete()) {
                        left.add(p);
                    }
                }
            }
        }
        if (!left.isEmpty()) {
            throw new IOException("could not delete " + left);
        }
        List<String> onHost = NetworkLeftovers.of(instance());
        if (!onHost.isEmpty()) {
            throw new IllegalStateException("the engine left on the host: " + onHost);
        }
    }
}
