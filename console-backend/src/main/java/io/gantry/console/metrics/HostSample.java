package io.gantry.console.metrics;

import java.time.Instant;

/**
 * The host at one moment, as the dashboard's charts plot it.
 *
 * @param cpuPercent busy share of all CPUs since the sample before, 0–100
 * @param diskUsedBytes used space on the file system of the engine's data root
 */
public record HostSample(Instant at, double cpuPercent, long memoryUsedBytes, long memoryTotalBytes, long diskUsedBytes,
        long diskTotalBytes) {
}
