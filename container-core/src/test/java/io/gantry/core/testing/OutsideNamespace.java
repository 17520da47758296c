package io.gantry.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A network namespace outside any engine, joined to the host by its own veth pair and routed through it: an "outside
 * client" reaching the host's address as a remote machine would, or an "upstream" server containers reach through
 * outbound NAT. Addresses come from 198.18.0.0/15 (the benchmarking range, never routed on the internet): the host
 * side is {@link #hostIp()}, the namespace {@link #ip()}, a /30 between them. {@link #close()} kills what ran inside
 * (by PID), deletes the pair and unmounts and removes the namespace handle.
 */
public final class OutsideNamespace implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Path netns;
    private final String hostVeth;
    private final String hostIp;
    private final String ip;
    private final List<Process> processes = new ArrayList<>();

    private OutsideNamespace(Path netns, String hostVeth, String hostIp, String ip) {
        this.netns = netns;
        this.hostVeth = hostVeth;
        this.hostIp = hostIp;
        this.ip = ip;
    }

    /**
     * Creates the namespace with its handle in {@code dir}; {@code vethPrefix} (at most 8 characters) makes the host
     * side's name recognisably the test's.
     */
    public static OutsideNamespace create(Path dir, String vethPrefix) throws IOException, InterruptedException {
        // distinct per JVM and call, so parallel test JVMs rarely pick the same /30
        int n = (COUNTER.incrementAndGet() + (int) (ProcessHandle.current().pid() % 60) * 4) % 250;
        Path ns = dir.resolve("outside" + n);
        Files.createFile(ns);
        String veth = vethPrefix + "o" + n;
        OutsideNamespace o = new OutsideNamespace(ns, veth, "198.18." + n + ".1", "198.18." + n + ".2");
        try {
            host(null, "unshare", "--net=" + ns, "ip", "link", "set", "lo", "up");
            host("link add " + veth + " type veth peer name eth0 netns " + ns + "\n"
                    + "addr add " + o.hostIp + "/30 dev " + veth + "\nlink set " + veth + " up\n", "ip", "-batch", "-");
            host("addr add " + o.ip + "/30 dev eth0\nlink set eth0 up\nroute add default via " + o.hostIp + "\n",
                    "nsenter", "--net=" + ns, "ip", "-batch", "-");
        } catch (IOException | RuntimeException e) {
            o.close();
            throw e;
        }
        return o;
    }

    public Path netns() {
        return netns;
    }

    /** The host's end of the pair: the address an outside client connects to. */
    public String hostIp() {
        return hostIp;
    }

    /** The namespace's own address, as seen by the host (and, through outbound NAT, by containers). */
    public String ip() {
        return ip;
    }

    /** Starts {@code cmd} inside the namespace; {@link #close()} kills it if it still runs. */
    public Process run(String... cmd) throws IOException {
        List<String> argv = new ArrayList<>(List.of("nsenter", "--net=" + netns));
        argv.addAll(List.of(cmd));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        processes.add(p);
        return p;
    }

    /** {@code wget -q -O - url} from inside; "" when it fails or takes over {@code seconds}. */
    public String fetch(String url, int seconds) throws IOException, InterruptedException {
        Process p = run("busybox", "wget", "-q", "-O", "-", url);
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            return "";
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.exitValue() == 0 ? out : "";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor();
        }
        if (Files.exists(Path.of("/sys/class/net", hostVeth))) {
            host(null, "ip", "link", "del", hostVeth);
        }
        if (Files.exists(netns)) {
            if (Files.readString(Path.of("/proc/self/mountinfo")).contains(" " + netns + " ")) {
                host(null, "umount", "--lazy", netns.toString());
            }
            Files.delete(netns);
        }
    }

    private static void host(String input, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (input != null) {
            p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }
}
