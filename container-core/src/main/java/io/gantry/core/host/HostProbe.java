package io.gantry.core.host;

import io.gantry.core.host.HostInfo.CgroupMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads {@link HostInfo} from the kernel's files. The roots are parameters so that tests can point the probe at a
 * directory of fixture files.
 */
public final class HostProbe {

    private final Path proc;
    private final Path sys;
    private final Path etc;

    public HostProbe(Path proc, Path sys, Path etc) {
        this.proc = proc;
        this.sys = sys;
        this.etc = etc;
    }

    public static HostProbe ofThisHost() {
        return new HostProbe(Path.of("/proc"), Path.of("/sys"), Path.of("/etc"));
    }

    public HostInfo read() {
        Map<String, Long> memory = meminfoKib();
        return new HostInfo(firstLine(proc.resolve("sys/kernel/hostname")), firstLine(proc.resolve("sys/kernel/osrelease")),
                operatingSystem(), architecture(), cpuCount(), memory.getOrDefault("MemTotal", 0L) * 1024,
                memory.getOrDefault("MemAvailable", 0L) * 1024, cgroupMode(), overlayfs(), userNamespaces());
    }

    /** Online CPUs as the kernel counts them, not as this JVM's affinity mask or container limits do. */
    int cpuCount() {
        return (int) lines(proc.resolve("cpuinfo")).stream().filter(l -> l.startsWith("processor")).count();
    }

    CgroupMode cgroupMode() {
        Path cgroup = sys.resolve("fs/cgroup");
        if (Files.exists(cgroup.resolve("cgroup.controllers"))) {
            return CgroupMode.V2;
        }
        return Files.isDirectory(cgroup.resolve("unified")) ? CgroupMode.HYBRID : CgroupMode.V1;
    }

    boolean overlayfs() {
        return lines(proc.resolve("filesystems")).stream().anyMatch(l -> l.endsWith("\toverlay"));
    }

    boolean userNamespaces() {
        Path max = proc.resolve("sys/user/max_user_namespaces");
        return Files.exists(max) && Long.parseLong(firstLine(max)) > 0;
    }

    String operatingSystem() {
        Path release = etc.resolve("os-release");
        if (!Files.exists(release)) {
            return "Linux";
        }
        return lines(release).stream()
                .filter(l -> l.startsWith("PRETTY_NAME="))
                .map(l -> l.substring("PRETTY_NAME=".length()).replaceAll("^\"|\"$", ""))
                .findFirst().orElse("Linux");
    }

    /** The architecture in Go's (and so Docker's and OCI's) spelling. */
    static String architecture() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64" -> "aarch64";
            default -> arch;
        };
    }

    private Map<String, Long> meminfoKib() {
        return lines(proc.resolve("meminfo")).stream()
                .map(l -> l.split(":\\s+"))
                .filter(kv -> kv.length == 2)
                .collect(Collectors.toMap(kv -> kv[0], kv -> Long.parseLong(kv[1].replace(" kB", "").trim()), (a, b) -> a));
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
