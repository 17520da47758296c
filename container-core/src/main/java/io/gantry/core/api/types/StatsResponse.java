package io.gantry.core.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One item of {@code GET /containers/{id}/stats}: the figures {@code docker stats} shows, read as Docker's CLI reads
 * them (the engine sends more). A reading carries the previous one as {@code precpu_stats}, so CPU use comes from one
 * item. The figures {@code docker stats} derives (CPU %, memory without cache, network and block I/O) are computed here
 * and only here, null-safe, for every reader of the engine's stats.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatsResponse(
        @JsonProperty("read") @Nullable String read,
        @JsonProperty("pids_stats") @Nullable Pids pidsStats,
        @JsonProperty("cpu_stats") @Nullable Cpu cpuStats,
        @JsonProperty("precpu_stats") @Nullable Cpu precpuStats,
        @JsonProperty("memory_stats") @Nullable Memory memoryStats,
        @JsonProperty("networks") @Nullable Map<String, Network> networks,
        @JsonProperty("blkio_stats") @Nullable Blkio blkioStats) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pids(@JsonProperty("current") long current) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cpu(@JsonProperty("cpu_usage") CpuUsage cpuUsage,
            @JsonProperty("system_cpu_usage") long systemCpuUsage,
            @JsonProperty("online_cpus") int onlineCpus) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CpuUsage(@JsonProperty("total_usage") long totalUsage,
            @JsonProperty("percpu_usage") @Nullable List<Long> percpuUsage) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Memory(@JsonProperty("usage") long usage, @JsonProperty("limit") long limit,
            @JsonProperty("stats") @Nullable Map<String, Long> stats) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Network(@JsonProperty("rx_bytes") long rxBytes, @JsonProperty("tx_bytes") long txBytes) {
    }

    /** Block I/O; cgroup v1 names the operations {@code Read}, v2 {@code read}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Blkio(@JsonProperty("io_service_bytes_recursive") @Nullable List<BlkioEntry> ioServiceBytesRecursive) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BlkioEntry(@JsonProperty("op") String op, @JsonProperty("value") long value) {
    }

    /** When the engine took the reading; now, when it did not say. */
    public Instant readAt() {
        if (read != null) {
            try {
                return Instant.parse(read);
            } catch (DateTimeParseException e) {
                // an engine that writes another format: the reading is at least this recent
            }
        }
        return Instant.now();
    }

    /**
     * {@code docker stats}'s CPU %: the container's share of the host's CPU time since the previous reading, times the
     * online CPUs (200 = two CPUs busy). A first reading, whose {@code precpu_stats} are zeros, counts from zero, as
     * the docker CLI does.
     */
    public double cpuPercent() {
        long container = totalUsage(cpuStats) - totalUsage(precpuStats);
        long system = systemUsage(cpuStats) - systemUsage(precpuStats);
        return container > 0 && system > 0 ? 100.0 * container / system * onlineCpus() : 0;
    }

    /** CPUs online at the reading; an older engine that leaves the figure out is counted by its per-CPU usage. */
    private int onlineCpus() {
        if (cpuStats == null) {
            return 1;
        }
        if (cpuStats.onlineCpus() > 0) {
            return cpuStats.onlineCpus();
        }
        List<Long> perCpu = cpuStats.cpuUsage() == null ? null : cpuStats.cpuUsage().percpuUsage();
        return perCpu == null || perCpu.isEmpty() ? 1 : perCpu.size();
    }

    private static long totalUsage(@Nullable Cpu cpu) {
        return cpu == null || cpu.cpuUsage() == null ? 0 : cpu.cpuUsage().totalUsage();
    }

    private static long systemUsage(@Nullable Cpu cpu) {
        return cpu == null ? 0 : cpu.systemCpuUsage();
    }

    /** {@code docker stats}'s memory use: usage without the inactive page cache (cgroup v2 or v1 name). */
    public long memoryUsed() {
        if (memoryStats == null) {
            return 0;
        }
        Map<String, Long> stats = memoryStats.stats() == null ? Map.of() : memoryStats.stats();
        long cache = stats.getOrDefault("inactive_file", stats.getOrDefault("total_inactive_file", 0L));
        return cache < memoryStats.usage() ? memoryStats.usage() - cache : memoryStats.usage();
    }

    /** The container's memory limit, or the host's memory when it has none; 0 when the engine did not say. */
    public long memoryLimit() {
        return memoryStats == null ? 0 : memoryStats.limit();
    }

    /** Bytes received over every interface: the first half of {@code docker stats}'s NET I/O. */
    public long networkRxBytes() {
        return networks == null ? 0 : networks.values().stream().mapToLong(Network::rxBytes).sum();
    }

    /** Bytes sent over every interface. */
    public long networkTxBytes() {
        return networks == null ? 0 : networks.values().stream().mapToLong(Network::txBytes).sum();
    }

    /** Bytes read from block devices: the first half of {@code docker stats}'s BLOCK I/O. */
    public long blockReadBytes() {
        return blockBytes("read");
    }

    /** Bytes written to block devices. */
    public long blockWriteBytes() {
        return blockBytes("write");
    }

    private long blockBytes(String op) {
        if (blkioStats == null || blkioStats.ioServiceBytesRecursive() == null) {
            return 0;
        }
        return blkioStats.ioServiceBytesRecursive().stream()
                .filter(e -> e.op() != null && e.op().toLowerCase(Locale.ROOT).equals(op))
                .mapToLong(BlkioEntry::value).sum();
    }
}
