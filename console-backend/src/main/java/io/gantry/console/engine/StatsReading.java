package io.gantry.console.engine;

import io.gantry.core.api.types.StatsResponse;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * One item of {@code GET /containers/{id}/stats}: cumulative counters, as Docker sends them, with the CPU figures of
 * the reading before ({@code precpu_stats}) so that one item gives a CPU percentage.
 *
 * @param cpuNanos          the container's CPU time so far
 * @param previousCpuNanos  the same at the reading before (0 for the first)
 * @param systemNanos       the host's CPU time so far
 * @param previousSystemNanos the same at the reading before
 * @param memoryBytes       memory in use, page cache that could be dropped left out (as {@code docker stats} shows it)
 * @param memoryLimitBytes  the limit, or the host's memory when there is none
 * @param networkRxBytes    received over all of the container's interfaces
 * @param blockReadBytes    read from block devices
 */
public record StatsReading(Instant read, long cpuNanos, long previousCpuNanos, long systemNanos,
        long previousSystemNanos, int onlineCpus, long memoryBytes, long memoryLimitBytes, long networkRxBytes,
        long networkTxBytes, long blockReadBytes, long blockWriteBytes) {

    /** The figures of one item as the engine sent it (cgroup v1 and v2 shapes alike). */
    public static StatsReading of(StatsResponse item) {
        StatsResponse.Cpu cpu = item.cpuStats();
        StatsResponse.Cpu precpu = item.precpuStats();
        return new StatsReading(time(item.read()), totalUsage(cpu), totalUsage(precpu),
                cpu == null ? 0 : cpu.systemCpuUsage(), precpu == null ? 0 : precpu.systemCpuUsage(),
                cpu == null ? 0 : cpu.onlineCpus(), item.memoryStats() == null ? 0 : item.memoryUsed(),
                item.memoryStats() == null ? 0 : item.memoryStats().limit(), item.networkRxBytes(),
                item.networkTxBytes(), item.blockReadBytes(), item.blockWriteBytes());
    }

    private static long totalUsage(StatsResponse.@Nullable Cpu cpu) {
        return cpu == null || cpu.cpuUsage() == null ? 0 : cpu.cpuUsage().totalUsage();
    }

    private static Instant time(@Nullable String text) {
        if (text == null) {
            return Instant.now();
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }

    /** CPU use in percent of one CPU (200 = two CPUs busy), as {@code docker stats} computes it. */
    public double cpuPercent() {
        long cpu = cpuNanos - previousCpuNanos;
        long system = systemNanos - previousSystemNanos;
        if (previousSystemNanos == 0 || cpu < 0 || system <= 0) {
            return 0;
        }
        return (double) cpu / system * Math.max(1, onlineCpus) * 100.0;
    }
}
