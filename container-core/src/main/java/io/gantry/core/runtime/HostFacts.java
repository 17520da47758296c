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

    /** cpu lines of {@code /proc/stat} count USER_HZ ticks, 100 a second on Linux. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /**
     * The host's CPU time since boot from the first line of {@code /proc/stat}: user, nice, system, idle, iowait,
     * irq and softirq, as Docker sums them for {@code system_cpu_usage}.
     */
    static long systemCpuNanos() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
                String[] f = line.split("\\s+");
                if (f[0].equals("cpu") && f.length >= 8) {
                    long ticks = 0;
                    for (int i = 1; i <= 7; i++) {
                        ticks += Long.parseLong(f[i]);
                    }
                    return ticks * NANOS_PER_TICK;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // reported as 0
        }
        return 0;
    }

    /** CPUs online: the {@code cpuN} lines of {@code /proc/stat}. */
    static int onlineCpus() {
        try {
            return (int) Files.readAllLines(Path.of("/proc/stat")).stream().filter(l -> l.matches("cpu[0-9]+ .*")).count();
        } catch (IOException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    /** {@code MemTotal} in bytes, or {@link Long#MAX_VALUE} if unknown. */
    static long memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024).findFirst().orElse(Long.MAX_VALUE);
        } catch (IOException | NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    static String now() {
        return Instant.now().toString();
    }
}
