package io.gantry.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Docker engine (Debian's {@code docker.io} dockerd 20.10) to compare Gantry with, isolated from anything else
 * on the host: its own data root, exec root, socket, pid file, config file and cgroup parent, {@code --iptables=false
 * --ip-forward=false}, and no registry but the ones a test names as insecure. {@link #close()} stops it by its PID
 * (its managed containerd and containers go with it), unmounts and deletes its directories, removes its cgroups and,
 * when it had a bridge, deletes the bridge and puts IPv4 forwarding back as it was.
 *
 * <p>Usable as a JUnit class extension ({@code @RegisterExtension static DockerDaemon docker = DockerDaemon.withoutBridge()})
 * or directly with {@link #start()} and {@link #close()} (benchmarks).
 */
public final class DockerDaemon implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    public static final Path BINARY = Path.of("/usr/sbin/dockerd");
    private static final Path IP_FORWARD = Path.of("/proc/sys/net/ipv4/ip_forward");
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final boolean bridge;
    /** The bridge's name and /24 prefix, unique per fixture: tests of other checkouts may run one at the same time. */
    private String bridgeName;
    private String bridgePrefix;
    private final List<String> insecureRegistries = new ArrayList<>();
    private Path root;
    private Path runRoot;
    private String cgroupParent;
    private Process process;
    private String ipForwardBefore;
    private DockerCli cli;

    private DockerDaemon(boolean bridge) {
        this.bridge = bridge;
    }

    /** Containers get {@code --network none} by default, as in the images benchmark: nothing on the host changes. */
    public static DockerDaemon withoutBridge() {
        return new DockerDaemon(false);
    }

    /**
     * Containers are bridged on a bridge this fixture creates ({@code gtd<hex>}, a free {@code 10.231.x.1/24}, out of
     * Gantry's pool and Docker's default range); published ports go through docker-proxy since iptables is off.
     */
    public static DockerDaemon withBridge() {
        return new DockerDaemon(true);
    }

    /** A registry (host:port) dockerd may pull from over plain HTTP; call before {@link #start()}. */
    public DockerDaemon insecureRegistry(String hostPort) {
        insecureRegistries.add(hostPort);
        return this;
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    /** Starts dockerd and waits until it answers; a start that fails removes what it made before it throws. */
    public DockerDaemon start() throws IOException, InterruptedException {
        if (!installed()) {
            throw new IllegalStateException(BINARY + " is missing: apt-get install docker.io");
        }
        try {
            launch();
            return this;
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void launch() throws IOException, InterruptedException {
        root = Files.createTempDirectory(Path.of("/var/tmp"), "gantry-dockerd-");
        // containerd's sockets live under the exec root and must fit in sun_path: keep it short.
        runRoot = Files.createTempDirectory(Path.of("/run"), "gtd-");
        cgroupParent = "/gantry-test-" + runRoot.getFileName();
        Path config = root.resolve("daemon.json");
        Files.writeString(config, "{}\n");
        List<String> command = new ArrayList<>(List.of(BINARY.toString(),
                "--data-root", root.resolve("data").toString(),
                "--exec-root", runRoot.resolve("x").toString(),
                "--pidfile", runRoot.resolve("dockerd.pid").toString(),
                "--host", "unix://" + socket(),
                "--config-file", config.toString(),
                "--cgroup-parent", cgroupParent,
                "--iptables=false", "--ip-forward=false", "--ip-masq=false",
                "--storage-driver", "overlay2",
                "--log-level", "warn"));
        if (bridge) {
            ipForwardBefore = Files.readString(IP_FORWARD).trim();
            bridgeName = "gtd" + Long.toHexString(RANDOM.nextLong() & 0xffffffffL);
            bridgePrefix = freePrefix();
            host("ip", "link", "add", bridgeName, "type", "bridge");
            host("ip", "addr", "add", bridgePrefix + "1/24", "dev", bridgeName);
            host("ip", "link", "set", bridgeName, "up");
            command.addAll(List.of("--bridge", bridgeName));
        } else {
            command.addAll(List.of("--bridge", "none"));
        }
        for (String registry : insecureRegistries) {
            command.addAll(List.of("--insecure-registry", registry));
        }
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(root.resolve("dockerd.log").toFile())
                .start();
        awaitPing(Duration.ofSeconds(60));
        cli = new DockerCli(socket(), Files.createDirectories(root.resolve("cli")));
    }

    /** The bridge's interface name, with {@link #withBridge()}. */
    public String bridgeName() {
        return bridgeName;
    }

    /** The first three octets and a dot of the bridge's /24 ({@code 10.231.17.}), with {@link #withBridge()}. */
    public String bridgePrefix() {
        return bridgePrefix;
    }

    /** A 10.231.x.0/24 no interface address and no route of the host is in yet, starting at a random x. */
    private static String freePrefix() throws IOException, InterruptedException {
        String used = hostOutput("ip", "-4", "-o", "addr", "show") + hostOutput("ip", "-4", "route", "show");
        int start = RANDOM.nextInt(256);
        for (int i = 0; i < 256; i++) {
            String prefix = "10.231." + (start + i) % 256 + ".";
            if (!used.contains(prefix)) {
                return prefix;
            }
        }
        throw new IllegalStateException("no free /24 in 10.231.0.0/16 for dockerd's bridge");
    }

    public Path socket() {
        return runRoot.resolve("docker.sock");
    }

    /** The stock docker CLI pointed at this daemon. */
    public DockerCli cli() {
        return cli;
    }

    /** The directory of its data root, config and log. */
    public Path root() {
        return root;
    }

    public long pid() {
        return process.pid();
    }

    /** Loads a {@code docker save} tarball, so tests never pull from a public registry. */
    public void load(Path archive) throws IOException, InterruptedException {
        cli.run(0, "load", "-q", "-i", archive.toString());
    }

    public String log() throws IOException {
        return Files.readString(root.resolve("dockerd.log"));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (process != null) {
            stopDaemon();
        }
        if (root != null) {
            unmountUnder(root);
            unmountUnder(runRoot);
            deleteTree(root);
            deleteTree(runRoot);
        }
        if (cgroupParent != null) {
            removeCgroups();
        }
        if (bridge && ipForwardBefore != null) {
            if (Files.exists(Path.of("/sys/class/net", bridgeName))) {
                host("ip", "link", "del", bridgeName);
            }
            Files.writeString(IP_FORWARD, ipForwardBefore);
            ipForwardBefore = null;
        }
        process = null;
        root = null;
        cgroupParent = null;
    }

    private void stopDaemon() throws InterruptedException {
        ProcessHandle handle = process.toHandle();
        // dockerd's containerd is its child; remember it so it goes even if dockerd dies first.
        List<ProcessHandle> children = handle.descendants().toList();
        handle.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            handle.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroyForcibly();
                child.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> child).join();
            }
        }
    }

    private void awaitPing(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dockerd exited with " + process.exitValue() + ":\n" + log());
            }
            if (pings()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("dockerd did not answer /_ping within " + timeout + ":\n" + log());
    }

    private boolean pings() {
        if (!Files.exists(socket())) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket()));
            channel.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer answer = ByteBuffer.allocate(64);
            channel.read(answer);
            return new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII).contains(" 200 ");
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Overlay and shm mounts dockerd may leave when it dies hard; deepest first. */
    private static void unmountUnder(Path directory) throws IOException, InterruptedException {
        List<String> mounts;
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/mountinfo"))) {
            mounts = lines.map(line -> line.split(" ")[4])
                    .filter(point -> point.startsWith(directory.toString()))
                    .sorted(Comparator.reverseOrder())
                    .toList();
        }
        for (String point : mounts) {
            new ProcessBuilder("umount", "-l", point).inheritIO().start().waitFor();
        }
    }

    private void removeCgroups() throws IOException {
        try (Stream<Path> hierarchies = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path hierarchy : hierarchies.toList()) {
                Path parent = hierarchy.resolve(cgroupParent.substring(1));
                if (Files.isDirectory(parent)) {
                    try (Stream<Path> tree = Files.walk(parent)) {
                        // cgroup directories go with rmdir, children first; their files cannot be deleted.
                        for (Path dir : tree.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(dir);
                        }
                    }
                }
            }
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(directory)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void host(String... command) throws IOException, InterruptedException {
        hostOutput(command);
    }

    private static String hostOutput(String... command) throws IOException, InterruptedException {
        Process ip = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(ip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (ip.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
