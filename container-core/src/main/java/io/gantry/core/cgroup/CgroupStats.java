package io.gantry.core.cgroup;

import java.util.List;
import java.util.Map;

/**
 * A point-in-time reading of a cgroup, in the units Docker's {@code /containers/{id}/stats} reports.
 *
 * @param cpu    CPU time used and throttling
 * @param memory memory use and limit
 * @param pids   processes and threads in it now, and their limit (0: none)
 * @param blkio  bytes moved per block device and operation
 */
public record CgroupStats(Cpu cpu, Memory memory, Pids pids, List<BlkioEntry> blkio) {

    public CgroupStats {
        blkio = List.copyOf(blkio);
    }

    /** What a cgroup that is gone (a container that does not run) reads as. */
    public static CgroupStats none() {
        return new CgroupStats(new Cpu(0, List.of(), 0, 0, 0, 0, 0), new Memory(0, 0, 0, 0, Map.of()),
                new Pids(0, 0), List.of());
    }

    /**
     * @param totalNanos        CPU time of all its processes
     * @param perCpuNanos       the same per CPU, where the hierarchy keeps it (v1); empty on v2, as in Docker
     * @param kernelNanos       of which in the kernel
     * @param userNanos         of which in user space
     * @param periods           CFS enforcement periods that elapsed with a quota set
     * @param throttledPeriods  periods in which the quota ran out
     * @param throttledNanos    time spent throttled
     */
    public record Cpu(long totalNanos, List<Long> perCpuNanos, long kernelNanos, long userNanos, long periods,
                      long throttledPeriods, long throttledNanos) {
        public Cpu {
            perCpuNanos = List.copyOf(perCpuNanos);
        }
    }

    /**
     * @param usageBytes    memory charged to it, page cache included
     * @param maxUsageBytes the highest usage seen, where the hierarchy records it; else 0
     * @param limitBytes    its limit ({@link Long#MAX_VALUE} when unlimited)
     * @param inactiveFileBytes inactive page cache ({@code total_inactive_file} on v1, {@code inactive_file} on v2),
     *                      which {@code docker stats} subtracts
     * @param stat          the hierarchy's own {@code memory.stat} counters, by name
     */
    public record Memory(long usageBytes, long maxUsageBytes, long limitBytes, long inactiveFileBytes,
                         Map<String, Long> stat) {
        public Memory {
            stat = Map.copyOf(stat);
        }

        /** Usage without the inactive page cache: what {@code docker stats} shows. */
        public long workingSetBytes() {
            return Math.max(0, usageBytes - inactiveFileBytes);
        }
    }

    /** @param current processes and threads; @param limit their maximum, 0 for none */
    public record Pids(long current, long limit) {
    }

    /** One row of Docker's {@code io_service_bytes_recursive}: {@code op} is {@code Read}/{@code Write} (v1), {@code read}/{@code write} (v2). */
    public record BlkioEntry(long major, long minor, String op, long value) {
    }

    /** The same reading with the memory limit capped (Docker shows an unlimited container's limit as the host's memory). */
    public CgroupStats withMemoryLimitAtMost(long bytes) {
        Memory m = memory;
        return new CgroupStats(cpu, new Memory(m.usageBytes(), m.maxUsageBytes(), Math.min(m.limitBytes(), bytes),
                m.inactiveFileBytes(), m.stat()), pids, blkio);
    }

    public long blockReadBytes() {
        return blkio.stream().filter(e -> e.op().equalsIgnoreCase("read")).mapToLong(BlkioEntry::value).sum();
    }

    public long blockWriteBytes() {
        return blkio.stream().filter(e -> e.op().equalsIgnoreCase("write")).mapToLong(BlkioEntry::value).sum();
    }
}
