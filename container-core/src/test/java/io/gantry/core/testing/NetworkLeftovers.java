package io.gantry.core.testing;

import io.gantry.core.instance.EngineInstance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What an engine instance's networking has put on the host, read from the kernel and the file system: its interfaces
 * (bridges and veths carry the instance's prefix), its nft table and the published ports in it, netns handles, port
 * proxies, mounts naming its data root or run directory, iptables rules naming its table, the run directory itself.
 * Tests compare these before and after.
 */
public final class NetworkLeftovers {

    private NetworkLeftovers() {
    }

    /** Everything of the instance on the host, one line each; empty once the instance is gone. */
    public static List<String> of(EngineInstance instance) throws IOException, InterruptedException {
        List<String> left = new ArrayList<>();
        interfaces(instance).forEach(n -> left.add("link " + n));
        if (tableExists(instance)) {
            left.add("nft table " + instance.nftTable());
        }
        mounts(instance).forEach(m -> left.add("mount " + m));
        if (run("iptables", "-w", "-S").contains(instance.nftTable())) {
            left.add("iptables rule for " + instance.nftTable());
        }
        netnsHandles(instance).forEach(h -> left.add("netns handle " + h));
        proxies(instance).forEach(p -> left.add("port proxy " + p));
        if (Files.exists(instance.runDir())) {
            left.add("run directory " + instance.runDir());
        }
        return left;
    }

    /** The instance's interfaces: bridges ({@code <prefix><index>}) and host-side veths ({@code <prefix>_…}). */
    public static List<String> interfaces(EngineInstance instance) throws IOException {
        try (Stream<Path> links = Files.list(Path.of("/sys/class/net"))) {
            return links.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(instance.bridgePrefix()))
                    .sorted().toList();
        }
    }

    /** The published ports in the instance's table: the element lines of its DNAT maps (none without a table). */
    public static List<String> natElements(EngineInstance instance) throws IOException, InterruptedException {
        List<String> elements = new ArrayList<>();
        if (!tableExists(instance)) {
            return elements;
        }
        for (String map : List.of("pub_ip", "pub_any")) {
            run("nft", "list", "map", "ip", instance.nftTable(), map).lines()
                    .filter(l -> l.contains("elements")).forEach(elements::add);
        }
        return elements;
    }

    public static boolean tableExists(EngineInstance instance) throws IOException, InterruptedException {
        return run("nft", "list", "tables").lines().anyMatch(l -> l.strip().equals("table ip " + instance.nftTable()));
    }

    /** Mount points naming the instance's data root or run directory (a rootfs, a volume bind, a netns handle). */
    public static List<String> mounts(EngineInstance instance) throws IOException {
        String root = instance.dataRoot().toString();
        String run = instance.runDir().toString();
        return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .filter(l -> l.contains(root) || l.contains(run)).toList();
    }

    public static List<String> netnsHandles(EngineInstance instance) throws IOException {
        Path handles = instance.runDir().resolve("netns");
        if (!Files.isDirectory(handles)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(handles)) {
            return s.map(Path::toString).sorted().toList();
        }
    }

    /** The PID files of the instance's userspace port proxies (one per container publishing ports). */
    public static List<String> proxies(EngineInstance instance) throws IOException {
        Path dir = instance.runDir().resolve("proxy");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
