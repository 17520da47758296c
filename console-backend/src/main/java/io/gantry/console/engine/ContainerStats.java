package io.gantry.console.engine;

import java.time.Instant;

/**
 * One reading of a container's stats ({@code GET /containers/{id}/stats?stream=false}), with the reading before it,
 * as Docker reports them: enough to compute CPU use over the interval between the two.
 *
 * @param cpuNanos            the container's CPU time in total
 * @param previousCpuNanos    the same, one interval earlier
 * @param systemNanos         the host's CPU time in total (all CPUs, idle included)
 * @param previousSystemNanos the same, one interval earlier
 * @param onlineCpus          CPUs the host has online
 * @param memoryUsageBytes    memory charged to the container, page cache included
 * @param memoryCacheBytes    the part of that which is inactive file cache (the kernel can take it back)
 * @param memoryLimitBytes    the container's limit, or the host's memory when it has none
 */
public record ContainerStats(Instant read, long cpuNanos, long previousCpuNanos, long systemNanos,
                             long previousSystemNanos, int onlineCpus, long memoryUsageBytes, long memoryCacheBytes,
                             long memoryLimitBytes) {

    /** CPU use over the interval as {@code docker stats} shows it: 100 % is one CPU busy all the time. */
    public double cpuPercent() {
        long cpu = cpuNanos - previousCpuNanos;
        long system = systemNanos - previousSystemNanos;
        if (cpu <= 0 || system <= 0) {
            return 0;
        }
        return (double) cpu / system * Math.max(1, onlineCpus) * 100.0;
    }

    /** Memory in use as {@code docker stats} shows it: usage without the inactive file cache. */
    public long memoryBytes() {
        return Math.max(0, memoryUsageBytes - memoryCacheBytes);
    }
}
