package io.gantry.core.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Small reads from {@code /proc} the runtime needs. */
final class HostFacts {

    private HostFacts() {
    }

    /** This process's capability bounding set: a container can never hold more. */
    static long boundingSet() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("CapBnd:"))
                    .mapToLong(l -> Long.parseUnsignedLong(l.substring(7).strip(), 16))
                    .findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Field 22 of {@code /proc/<pid>/stat}; 0 if the process is gone already. */
    static long startTime(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[19]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Whether {@code pid} is still the process that started at {@code startTime}, and not a zombie. */
    static boolean alive(long pid, long startTime) {
        if (pid <= 0) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return !f[0].equals("Z") && !f[0].equals("X") && Long.parseLong(f[19]) == startTime;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static String now() {
        return Instant.now().toString();
    }
}
