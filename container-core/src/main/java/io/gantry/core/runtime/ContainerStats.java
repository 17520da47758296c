package io.gantry.core.runtime;

import io.gantry.core.cgroup.CgroupStats;
import java.time.Instant;

/**
 * One reading for the Engine API's {@code /containers/{id}/stats}: the container's cgroup and the host figures
 * Docker reports beside it. CPU percentages come from two readings (Docker's {@code precpu_stats}):
 * {@code Δcgroup.cpu.totalNanos / ΔsystemCpuNanos × onlineCpus}.
 *
 * @param id              the container
 * @param name            its name (may be empty)
 * @param read            when this was read
 * @param cgroup          the cgroup's counters; all zero when the container does not run. The memory limit
 *                        is capped at the host's memory, as Docker shows it
 * @param systemCpuNanos  CPU time of the whole host since boot ({@code /proc/stat}: user to softirq)
 * @param onlineCpus      CPUs online on the host
 */
public record ContainerStats(String id, String name, Instant read, CgroupStats cgroup, long systemCpuNanos,
                             int onlineCpus) {
}
