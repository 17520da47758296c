package io.gantry.core.cgroup;

import io.gantry.core.errors.UnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Chooses the cgroup driver for this host. */
public final class CgroupDrivers {

    private static final Path MOUNT_ROOT = Path.of("/sys/fs/cgroup");

    private CgroupDrivers() {
    }

    /**
     * The driver for this host's hierarchy, with the instance's parent {@code instanceName} nested under the
     * engine's own cgroup: v2 when {@code /sys/fs/cgroup} is a unified mount, else v1. Hybrid hosts (v1
     * controllers plus a v2 mount elsewhere) use v1, where the controllers are.
     */
    public static CgroupDriver detect(String instanceName) {
        if (unified()) {
            return CgroupV2Driver.nestedUnderSelf(MOUNT_ROOT, instanceName);
        }
        if (!Files.isDirectory(MOUNT_ROOT.resolve("memory"))) {
            throw new UnavailableException("no cgroup hierarchy found at " + MOUNT_ROOT);
        }
        return CgroupV1Driver.nestedUnderSelf(MOUNT_ROOT, instanceName);
    }

    /** Whether {@code /sys/fs/cgroup} is a pure cgroup v2 (unified) hierarchy. */
    public static boolean unified() {
        return Files.exists(MOUNT_ROOT.resolve("cgroup.controllers"));
    }

    /** This process's path in the v2 hierarchy, from the {@code 0::} line of {@code /proc/self/cgroup}. */
    static String ownV2Path() {
        try {
            return Files.readAllLines(Path.of("/proc/self/cgroup")).stream().filter(l -> l.startsWith("0::"))
                    .map(l -> l.substring(3)).findFirst()
                    .orElseThrow(() -> new UnavailableException("cgroup v2: no 0:: line in /proc/self/cgroup"));
        } catch (IOException e) {
            throw new UncheckedIOException("read /proc/self/cgroup", e);
        }
    }

    /** controller → this process's path in that v1 hierarchy, from {@code /proc/self/cgroup}. */
    static Map<String, String> ownV1Paths() {
        Map<String, String> paths = new HashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
                String[] f = line.split(":", 3);
                if (f.length == 3 && !f[1].isEmpty()) {
                    for (String controller : f[1].split(",")) {
                        paths.put(controller, f[2]);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("read /proc/self/cgroup", e);
        }
        return paths;
    }
}
