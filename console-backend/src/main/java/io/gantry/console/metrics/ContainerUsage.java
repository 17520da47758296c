package io.gantry.console.metrics;

import io.gantry.core.api.types.ContainerStatsItem;
import java.util.Map;

/**
 * A container's CPU and memory use at one reading, computed as {@code docker stats} does.
 *
 * @param cpuPercent  share of one CPU times 100 (two busy CPUs read 200)
 * @param memoryBytes memory in use, without the page cache the kernel may drop (inactive files)
 * @param memoryLimit the container's limit, or the host's memory when it has none
 */
public record ContainerUsage(double cpuPercent, long memoryBytes, long memoryLimit) {

    public static ContainerUsage of(ContainerStatsItem item) {
        return new ContainerUsage(cpuPercent(item), memory(item.memoryStats()),
                item.memoryStats() == null ? 0 : item.memoryStats().limit());
    }

    /** Memory in use as a share of the limit, 0..100. */
    public double memoryPercent() {
        return memoryLimit <= 0 ? 0 : 100.0 * memoryBytes / memoryLimit;
    }

    private static double cpuPercent(ContainerStatsItem item) {
        ContainerStatsItem.Cpu now = item.cpuStats();
        ContainerStatsItem.Cpu before = item.precpuStats();
        if (now == null || before == null || now.cpuUsage() == null || before.cpuUsage() == null) {
            return 0;
        }
        long cpuDelta = now.cpuUsage().totalUsage() - before.cpuUsage().totalUsage();
        long systemDelta = now.systemCpuUsage() - before.systemCpuUsage();
        if (cpuDelta <= 0 || systemDelta <= 0) {
            return 0;
        }
        return 100.0 * cpuDelta / systemDelta * Math.max(1, now.onlineCpus());
    }

    private static long memory(ContainerStatsItem.Memory memory) {
        if (memory == null) {
            return 0;
        }
        Map<String, Long> stats = memory.stats() == null ? Map.of() : memory.stats();
        long inactive = stats.getOrDefault("inactive_file", stats.getOrDefault("total_inactive_file", 0L));
        return Math.max(0, memory.usage() - (inactive < memory.usage() ? inactive : 0));
    }
}
