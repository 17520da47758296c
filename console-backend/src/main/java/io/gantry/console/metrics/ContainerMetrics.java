package io.gantry.console.metrics;

import java.time.Instant;

/**
 * A container at one moment, as its page's live charts plot it: rates are per second since the reading before.
 *
 * @param cpuPercent       percent of one CPU (150 = one and a half CPUs busy)
 * @param memoryLimitBytes the limit, or the host's memory when none is set
 */
public record ContainerMetrics(Instant at, double cpuPercent, long memoryBytes, long memoryLimitBytes,
        double networkRxPerSecond, double networkTxPerSecond, double blockReadPerSecond, double blockWritePerSecond) {
}
