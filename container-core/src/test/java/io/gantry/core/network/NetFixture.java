package io.gantry.core.network;

import io.gantry.core.instance.EngineInstance;
import io.gantry.core.testing.NetworkLeftovers;
import io.gantry.core.testing.OutsideNamespace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A test's own engine instance (temporary data root, hence its own bridges and table), the "containers" it runs as
 * busybox processes inside prepared namespaces, and the outside namespaces it wires to the host. {@link #close}
 * kills what it started by PID, removes the instance's networking and restores ip_forward.
 */
final class NetFixture implements AutoCloseable {

    final Path root;
    final EngineInstance instance;
    final NetworkConfig config;
    NetworkService service;
    private final List<Process> processes = new ArrayList<>();
    private final List<OutsideNamespace> outsides = new ArrayList<>();
    private final String ipForward;

    NetFixture(NetworkConfig.PortDriver driver) throws IOException {
        this.ipForward = Sysctl.read("net/ipv4/ip_forward");
        this.root = Files.createTempDirectory(Path.of("/tmp"), "gnet");
        this.instance = EngineInstance.forDataRoot(root);
        // 127.0.0.1 inside a container is its own loopback: no name query can leave the host.
        this.config = NetworkConfig.defaults().withDns(List.of("127.0.0.1")).withPortDriver(driver);
        this.service = new NetworkService(instance, config);
        service.start();
    }

    NetFixture() throws IOException {
        this(NetworkConfig.PortDriver.NFTABLES);
    }

    /** A new service object on the same data root: what a restarted engine sees. */
    NetworkService restartEngine() {
        service = new NetworkService(instance, config);
        return service;
    }

    static String newId() {
        byte[] b = new byte[32];
        new java.security.SecureRandom().nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }

    /** Starts {@code cmd} inside the container's namespace, with its hosts and resolv.conf bound over the host's. */
    Process run(NetworkAttachment a, String... cmd) throws IOException {
        List<String> argv = new ArrayList<>(List.of("nsenter", "--net=" + a.netnsPath(), "unshare", "--mount", "sh",
                "-c", "mount --bind \"$1\" /etc/hosts && mount --bind \"$2\" /etc/resolv.conf && shift 2 && exec \"$@\"",
                "sh", a.hostsFile(), a.resolvConf()));
        argv.addAll(List.of(cmd));
        return track(new ProcessBuilder(argv).redirectErrorStream(true).start());
    }

    /** A busybox httpd serving {@code body} on {@code port} inside the container, answering before this returns. */
    Process httpd(NetworkAttachment a, int port, String body) throws IOException, InterruptedException {
        Path www = Files.createDirectories(root.resolve("www-" + a.containerId().substring(0, 8) + "-" + port));
        Files.writeString(www.resolve("index.html"), body);
        Process p = run(a, "busybox", "httpd", "-f", "-p", Integer.toString(port), "-h", www.toString());
        for (int i = 0; i < 100; i++) {
            if (fetch(a, "http://127.0.0.1:" + port + "/").equals(body)) {
                return p;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("httpd did not come up in " + a.containerId());
    }

    /** {@code wget -q -O -} from inside a container; "" on failure (after at most 5 s). */
    String fetch(NetworkAttachment a, String url) throws IOException, InterruptedException {
        return output(run(a, "busybox", "wget", "-q", "-O", "-", url));
    }

    /** Whether a fetch from inside a container fails within a second (dropped or refused). */
    boolean unreachable(NetworkAttachment a, String url) throws IOException, InterruptedException {
        return output(run(a, "busybox", "wget", "-q", "-O", "-", url), 1).isEmpty();
    }

    /** {@code wget} from the host's namespace. */
    String fetchFromHost(String url) throws IOException, InterruptedException {
        return output(track(new ProcessBuilder("busybox", "wget", "-q", "-O", "-", url).redirectErrorStream(true).start()));
    }

    private String output(Process p) throws IOException, InterruptedException {
        return output(p, 5);
    }

    private String output(Process p, int seconds) throws IOException, InterruptedException {
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            return "";
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.exitValue() == 0 ? out : "";
    }

    private Process track(Process p) {
        processes.add(p);
        return p;
    }

    /** A namespace outside the engine, joined to the host by its own veth pair: an outside client or an upstream. */
    OutsideNamespace outside() throws IOException, InterruptedException {
        OutsideNamespace o = OutsideNamespace.create(root, instance.bridgePrefix().substring(2));
        outsides.add(o);
        return o;
    }

    String fetchOutside(OutsideNamespace o, String url) throws IOException, InterruptedException {
        return o.fetch(url, 5);
    }

    List<String> natElements() throws IOException, InterruptedException {
        return NetworkLeftovers.natElements(instance);
    }

    List<String> proxies() throws IOException {
        return NetworkLeftovers.proxies(instance);
    }

    /** The interfaces, nft tables, netns handles and mounts of this instance still on the host. */
    List<String> leftovers() throws IOException, InterruptedException {
        return NetworkLeftovers.of(instance);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor();
        }
        service.destroyAll();
        for (OutsideNamespace o : outsides) {
            o.close();
        }
        Sysctl.write("net/ipv4/ip_forward", ipForward);
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.deleteIfExists(instance.runDir().resolve("netns"));
        Files.deleteIfExists(instance.runDir().resolve("proxy"));
        Files.deleteIfExists(instance.runDir());
    }
}
