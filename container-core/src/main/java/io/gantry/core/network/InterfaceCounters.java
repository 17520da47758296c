package io.gantry.core.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Byte and packet counters of the interfaces a process sees, from {@code /proc/<pid>/net/dev}, which shows the
 * network namespace of that process: for a container's init, the container's interfaces. Loopback is left out, as
 * Docker's stats leave it out.
 */
public final class InterfaceCounters {

    /** One interface's counters since it came up. */
    public record Counters(long rxBytes, long rxPackets, long rxErrors, long rxDropped, long txBytes, long txPackets,
            long txErrors, long txDropped) {
    }

    private InterfaceCounters() {
    }

    /** The counters by interface name; empty when the process is gone or has no interfaces but loopback. */
    public static Map<String, Counters> of(long pid) {
        if (pid <= 0) {
            return Map.of();
        }
        try {
            return parse(Files.readAllLines(Path.of("/proc", Long.toString(pid), "net", "dev")));
        } catch (IOException | RuntimeException processGone) {
            return Map.of();
        }
    }

    static Map<String, Counters> parse(List<String> lines) {
        Map<String, Counters> counters = new LinkedHashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0 || line.contains("|")) {
                continue;
            }
            String name = line.substring(0, colon).strip();
            String[] f = line.substring(colon + 1).strip().split("\\s+");
            if (name.equals("lo") || f.length < 12) {
                continue;
            }
            counters.put(name, new Counters(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                    Long.parseLong(f[3]), Long.parseLong(f[8]), Long.parseLong(f[9]), Long.parseLong(f[10]),
                    Long.parseLong(f[11])));
        }
        return counters;
    }
}
