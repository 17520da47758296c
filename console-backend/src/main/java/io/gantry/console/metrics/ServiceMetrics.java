package io.gantry.console.metrics;

import org.jspecify.annotations.Nullable;

/**
 * What one service of an application uses right now.
 *
 * @param containerId      its container, or null when it has none
 * @param running          whether the container runs (the figures are zero when it does not)
 * @param cpuPercent       CPU use as {@code docker stats} shows it: 100 is one CPU busy all the time
 * @param memoryBytes      memory in use, without the cache the kernel can take back
 * @param memoryLimitBytes its memory limit, or the host's memory when it has none (0 when it does not run)
 */
public record ServiceMetrics(String service, @Nullable String containerId, boolean running, double cpuPercent,
                             long memoryBytes, long memoryLimitBytes) {

    /** Memory in use as a share of the limit, in percent. */
    public double memoryPercent() {
        return memoryLimitBytes <= 0 ? 0 : 100.0 * memoryBytes / memoryLimitBytes;
    }
}
