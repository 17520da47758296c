package io.gantry.console.metrics;

/**
 * What the host uses right now, all processes together (containers and everything else).
 *
 * @param cpuPercent share of all CPUs busy over a short interval: 100 is every CPU busy
 */
public record HostMetrics(int cpus, double cpuPercent, long memoryTotalBytes, long memoryUsedBytes) {

    public double memoryPercent() {
        return memoryTotalBytes <= 0 ? 0 : 100.0 * memoryUsedBytes / memoryTotalBytes;
    }
}
