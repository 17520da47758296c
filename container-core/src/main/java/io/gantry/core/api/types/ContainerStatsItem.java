package io.gantry.core.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One item of {@code GET /containers/{id}/stats}: the fields {@code docker stats} computes CPU and memory use from.
 * Each item carries the previous reading as {@code precpu_stats}, so one item is enough for a CPU percentage.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainerStatsItem(
        @JsonProperty("id") @Nullable String id,
        @JsonProperty("read") @Nullable String read,
        @JsonProperty("cpu_stats") @Nullable Cpu cpuStats,
        @JsonProperty("precpu_stats") @Nullable Cpu precpuStats,
        @JsonProperty("memory_stats") @Nullable Memory memoryStats) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cpu(
            @JsonProperty("cpu_usage") @Nullable CpuUsage cpuUsage,
            @JsonProperty("system_cpu_usage") long systemCpuUsage,
            @JsonProperty("online_cpus") int onlineCpus) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CpuUsage(@JsonProperty("total_usage") long totalUsage) {
    }

    /** {@code stats} holds the cgroup's memory.stat; v2 names {@code inactive_file}, v1 {@code total_inactive_file}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Memory(
            @JsonProperty("usage") long usage,
            @JsonProperty("limit") long limit,
            @JsonProperty("stats") @Nullable Map<String, Long> stats) {
    }
}
