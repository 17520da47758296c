package io.gantry.core.bench;

import io.gantry.core.content.ContentStore;
import io.gantry.core.content.FileContentStore;
import io.gantry.core.engine.Engine;
import io.gantry.core.engine.EngineConfig;
import io.gantry.core.image.ImageReference;
import io.gantry.core.image.oci.MediaTypes;
import io.gantry.core.network.NetworkConfig;
import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.registry.RegistryClient;
import io.gantry.core.registry.RegistrySettings;
import io.gantry.core.registry.TestImages;
import io.gantry.core.testing.DockerCli;
import io.gantry.core.testing.DockerDaemon;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code ./gantry bench network}: published ports, Gantry's engine beside dockerd (Debian's 20.10 on its own bridge,
 * iptables off, so its ports go through docker-proxy) measured in the same run, both driven by the docker CLI.
 *
 * <pre>
 * BENCH load load_1m=a load_5m=b cpus=n
 * BENCH publish-first-byte gantry_min_ms=x gantry_median_ms=y ref=dockerd ref_min_ms=z ratio=x/z
 * BENCH publish-throughput gantry_max_mbps=x gantry_median_mbps=y ref=container-ip ref_max_mbps=z ratio=x/z
 * </pre>
 *
 * publish-first-byte is {@code docker run -d -p 127.0.0.1:P:80} of a busybox httpd until the first HTTP 200 from
 * 127.0.0.1:P (target ratio at most 0.5); publish-throughput is a 64 MB download through the published port on
 * 127.0.0.1 against the same download from the container's address (target ratio at least 0.9). Root only. Images
 * come from a loopback registry (Gantry) and {@code docker import} (dockerd): nothing is pulled from the internet.
 * Removes everything it starts and creates. {@code -Dbench.runs=N} (default 20), {@code -Dbench.mb=N} (default 64).
 */
public final class NetworkBench {

    private static final int RUNS = Integer.getInteger("bench.runs", 20);
    private static final int MEGABYTES = Integer.getInteger("bench.mb", 64);
    private static final int WARMUP = 2;
    /** Gantry and dockerd take turns, so that both sample the same stretches of a shared, noisy machine. */
    private static final int ROUNDS = 4;
    private static final String HTTPD = "mkdir -p /www; echo ok > /www/index.html; exec httpd -f -p 80 -h /www";
    private static final Path IP_FORWARD = Path.of("/proc/sys/net/ipv4/ip_forward");

    private NetworkBench() {
    }

    public static void main(String[] args) throws Exception {
        printLoad();
        String ipForward = Files.readString(IP_FORWARD);
        Path work = Files.createTempDirectory(Path.of("/var/tmp"), "gantry-bench-net-");
        LocalRegistry registry = new LocalRegistry();
        Engine engine = null;
        try (DockerDaemon dockerd = DockerDaemon.withBridge()) {
            registry.beforeAll(null);
            pushBusybox(registry, work);
            Path socketDir = Files.createTempDirectory("gbn");
            engine = Engine.start(EngineConfig.forDataRoot(work.resolve("data")).withSocket(socketDir.resolve("g.sock"))
                    .withRegistries(List.of("http://" + registry.host()), Set.of(), true)
                    .withNetwork(NetworkConfig.defaults().withDns(List.of("127.0.0.1"))));
            DockerCli gantry = new DockerCli(engine.socket(), Files.createDirectories(work.resolve("cli")));
            gantry.run(0, "pull", "-q", "busybox");
            dockerd.start();
            Path rootfs = work.resolve("busybox.tar.gz");
            Files.write(rootfs, TestImages.busyboxLayer());
            dockerd.cli().run(0, "import", rootfs.toString(), "busybox:latest");

            firstByte(gantry, dockerd.cli());
            throughput(gantry);
            for (String id : gantry.run(0, "ps", "-aq").strip().lines().toList()) {
                gantry.run(0, "rm", "-f", id);
            }
            engine.removeHostState();
            Files.deleteIfExists(socketDir.resolve("g.sock"));
            Files.deleteIfExists(socketDir);
        } finally {
            if (engine != null) {
                engine.close();
            }
            registry.afterAll(null);
            Files.writeString(IP_FORWARD, ipForward);
            deleteTree(work);
        }
        printLoad();
    }

    private static void firstByte(DockerCli gantry, DockerCli dockerd) throws Exception {
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        int perRound = (RUNS + ROUNDS - 1) / ROUNDS;
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < perRound + (round == 0 ? WARMUP : 0); i++) {
                boolean measured = round > 0 || i >= WARMUP;
                double g = runToFirst200(gantry, List.of());
                double d = runToFirst200(dockerd, List.of("--pull=never"));
                if (measured) {
                    ours.add(g);
                    theirs.add(d);
                }
            }
        }
        System.out.println(String.format(Locale.ROOT,
                "BENCH publish-first-byte gantry_min_ms=%.1f gantry_median_ms=%.1f ref=dockerd ref_min_ms=%.1f ratio=%.2f",
                min(ours), median(ours), min(theirs), min(ours) / min(theirs)));
        System.out.println(String.format(Locale.ROOT, "BENCH publish-first-byte-dockerd ref_median_ms=%.1f runs=%d",
                median(theirs), theirs.size()));
    }

    /** {@code docker run -d -p 127.0.0.1:P:80} of an httpd until it answers 200 on 127.0.0.1:P; then removes it. */
    private static double runToFirst200(DockerCli docker, List<String> runOptions) throws Exception {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of("run", "-d"));
        args.addAll(runOptions);
        args.addAll(List.of("-p", "127.0.0.1:" + port + ":80", "busybox", "sh", "-c", HTTPD));
        long t0 = System.nanoTime();
        String id = docker.run(0, args.toArray(String[]::new)).strip();
        long deadline = t0 + 30_000_000_000L;
        while (!answers200(port)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no HTTP 200 on 127.0.0.1:" + port + " within 30 s");
            }
            Thread.sleep(1);
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        docker.run(0, "rm", "-f", id.lines().reduce((a, b) -> b).orElseThrow());
        return ms;
    }

    private static boolean answers200(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            s.setSoTimeout(1000);
            s.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] head = s.getInputStream().readNBytes(12);
            return new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.") && head.length == 12
                    && new String(head, 9, 3, StandardCharsets.US_ASCII).equals("200");
        } catch (IOException notYet) {
            return false;
        }
    }

    private static void throughput(DockerCli gantry) throws Exception {
        int port = freePort();
        gantry.run(0, "run", "-d", "--name", "bench-throughput", "-p", "127.0.0.1:" + port + ":80", "busybox", "sh",
                "-c", "mkdir -p /www; dd if=/dev/zero of=/www/big bs=1M count=" + MEGABYTES + " 2>/dev/null; " + HTTPD);
        String ip = gantry.run(0, "inspect", "-f", "{{.NetworkSettings.IPAddress}}", "bench-throughput").strip();
        while (!answers200(port)) {
            Thread.sleep(10);
        }
        List<Double> published = new ArrayList<>();
        List<Double> direct = new ArrayList<>();
        for (int i = 0; i < WARMUP + RUNS / 2; i++) {
            double p = download("127.0.0.1", port);
            double d = download(ip, 80);
            if (i >= WARMUP) {
                published.add(p);
                direct.add(d);
            }
        }
        gantry.run(0, "rm", "-f", "bench-throughput");
        System.out.println(String.format(Locale.ROOT,
                "BENCH publish-throughput gantry_max_mbps=%.0f gantry_median_mbps=%.0f ref=container-ip ref_max_mbps=%.0f ratio=%.2f",
                max(published), median(published), max(direct), max(published) / max(direct)));
    }

    /** MB/s (10^6 bytes) of one download of /big. */
    private static double download(String host, int port) throws IOException {
        long t0 = System.nanoTime();
        long bytes = 0;
        try (Socket s = new Socket(host, port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write("GET /big HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                bytes += n;
            }
        }
        if (bytes < (long) MEGABYTES << 20) {
            throw new IOException("short download from " + host + ":" + port + ": " + bytes + " bytes");
        }
        return bytes / 1e6 / ((System.nanoTime() - t0) / 1e9);
    }

    /** Pushes {@code library/busybox:latest} (Debian's busybox-static) to the loopback registry Gantry mirrors. */
    private static void pushBusybox(LocalRegistry registry, Path work) throws Exception {
        RegistryClient client = new RegistryClient(RegistrySettings.onlyConfigured(Set.of(registry.host())));
        ContentStore source = FileContentStore.open(work.resolve("source"));
        TestImages.TestImage busybox = TestImages.image(source, MediaTypes.OCI_MANIFEST, "amd64", TestImages.busyboxLayer());
        TestImages.push(client, source, ImageReference.parse(registry.host() + "/library/busybox:latest"), busybox);
    }

    private static void printLoad() throws IOException {
        String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
        System.out.println("BENCH load load_1m=" + load[0] + " load_5m=" + load[1] + " cpus="
                + Runtime.getRuntime().availableProcessors());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
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
