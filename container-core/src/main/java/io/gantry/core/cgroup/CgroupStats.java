package io.gantry.core.cgroup;

/**
 * A point-in-time reading of a cgroup.
 *
 * @param cpuUsageNanos   CPU time used by all its processes
 * @param memoryBytes     memory in use, page cache excluded
 * @param pids            processes and threads in it
 * @param blockReadBytes  bytes read from block devices
 * @param blockWriteBytes bytes written to block devices
 */
public record CgroupStats(long cpuUsageNanos, long memoryBytes, long pids, long blockReadBytes, long blockWriteBytes) {
}
