package io.gantry.console.metrics;

import io.gantry.core.api.types.StatsResponse;

/**
 * A container's CPU and memory use at one reading, computed as {@code docker stats} does.
 *
 * @param cpuPercent  share of one CPU times 100 (two busy CPUs read 200)
 * @param memoryBytes memory in use, without the page cache the kernel may drop (inactive files)
 * @param memoryLimit the container's limit, or the host's memory when it has none
 */
public record ContainerUsage(double cpuPercent, long memoryBytes, long memoryLimit) {

    public static ContainerUsage of(StatsResponse reading) {
        return new ContainerUsage(reading.cpuPercent(), reading.memoryUsed(), reading.memoryLimit());
    }

    /** Memory in use as a share of the limit, 0..100. */
    public double memoryPercent() {
        return memoryLimit <= 0 ? 0 : 100.0 * memoryBytes / memoryLimit;
    }
}
