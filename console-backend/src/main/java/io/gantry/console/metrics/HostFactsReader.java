package io.gantry.console.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads host facts from {@code /proc} and {@code /sys}. The roots are parameters so that tests can point the reader at
 * a directory of fixture files.
 */
final class HostFactsReader {

    private final Path proc;
    private final Path sys;

    HostFactsReader(Path proc, Path sys) {
        this.proc = proc;
        this.sys = sys;
    }

    static HostFactsReader ofThisHost() {
        return new HostFactsReader(Path.of("/proc"), Path.of("/sys"));
    }

    HostFacts read(Path dataRoot) {
        Map<String, Long> memory = meminfoKib();
        long total = memory.getOrDefault("MemTotal", 0L) * 1024;
        long available = memory.getOrDefault("MemAvailable", 0L) * 1024;
        return new HostFacts(firstLine(proc.resolve("sys/kernel/hostname")), firstLine(proc.resolve("sys/kernel/osrelease")),
                cpuCount(), total, total - available, diskFree(dataRoot), cgroupMode(), overlayfs(), userNamespaces(),
                dataRoot);
    }

    /** Online CPUs as the kernel counts them in {@code /proc/cpuinfo}, not as this JVM's affinity mask does. */
    int cpuCount() {
        return (int) lines(proc.resolve("cpuinfo")).stream().filter(l -> l.startsWith("processor")).count();
    }

    String cgroupMode() {
        Path cgroup = sys.resolve("fs/cgroup");
        if (Files.exists(cgroup.resolve("cgroup.controllers"))) {
            return "v2";
        }
        return Files.isDirectory(cgroup.resolve("unified")) ? "hybrid" : "v1";
    }

    boolean overlayfs() {
        return lines(proc.resolve("filesystems")).stream().anyMatch(l -> l.endsWith("\toverlay"));
    }

    boolean userNamespaces() {
        Path max = proc.resolve("sys/user/max_user_namespaces");
        return Files.exists(max) && Long.parseLong(firstLine(max)) > 0;
    }

    private Map<String, Long> meminfoKib() {
        return lines(proc.resolve("meminfo")).stream()
                .map(l -> l.split(":\\s+"))
                .filter(kv -> kv.length == 2)
                .collect(Collectors.toMap(kv -> kv[0], kv -> Long.parseLong(kv[1].replace(" kB", "").trim()), (a, b) -> a));
    }

    /** The data root may not exist yet on a first start; its nearest existing parent is on the same file system. */
    private static long diskFree(Path dataRoot) {
        Path existing = dataRoot.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing == null ? 0 : Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException("read free space under " + dataRoot, e);
        }
    }

    private static String firstLine(Path file) {
        List<String> lines = lines(file);
        return lines.isEmpty() ? "" : lines.get(0).trim();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("read " + file, e);
        }
    }
}
