package io.gantry.core.cgroup;

import java.util.List;

/**
 * The limits of one container, in Docker's units. Zero means "not limited" (or "inherit" for cpuset).
 *
 * @param memoryBytes      memory limit
 * @param memorySwapBytes  memory plus swap; 0 means twice the memory limit (Docker's default), -1 unlimited
 * @param nanoCpus         CPU quota in billionths of a CPU (Docker's {@code NanoCpus})
 * @param cpuShares        relative CPU weight (Docker's {@code CpuShares}, 1024 being the default)
 * @param cpusetCpus       allowed CPUs, e.g. {@code "0-1"}; empty for the parent's
 * @param pidsLimit        maximum processes and threads
 * @param devices          device cgroup rules in order
 */
public record Resources(long memoryBytes, long memorySwapBytes, long nanoCpus, long cpuShares, String cpusetCpus,
                        long pidsLimit, List<DeviceRule> devices) {

    public Resources {
        devices = List.copyOf(devices);
        if (memoryBytes < 0 || nanoCpus < 0 || cpuShares < 0 || pidsLimit < 0 || memorySwapBytes < -1) {
            throw new IllegalArgumentException("resource limits must not be negative");
        }
        if (memoryBytes > 0 && memorySwapBytes > 0 && memorySwapBytes < memoryBytes) {
            throw new IllegalArgumentException("memory+swap " + memorySwapBytes + " is below memory " + memoryBytes);
        }
    }

    /** No limits, Docker's default device allowlist. */
    public static Resources defaults() {
        return new Resources(0, 0, 0, 0, "", 0, DeviceRule.dockerDefaults());
    }

    public Resources withMemory(long bytes) {
        return new Resources(bytes, memorySwapBytes, nanoCpus, cpuShares, cpusetCpus, pidsLimit, devices);
    }

    public Resources withNanoCpus(long n) {
        return new Resources(memoryBytes, memorySwapBytes, n, cpuShares, cpusetCpus, pidsLimit, devices);
    }

    public Resources withCpuShares(long shares) {
        return new Resources(memoryBytes, memorySwapBytes, nanoCpus, shares, cpusetCpus, pidsLimit, devices);
    }

    public Resources withPidsLimit(long n) {
        return new Resources(memoryBytes, memorySwapBytes, nanoCpus, cpuShares, cpusetCpus, n, devices);
    }

    public Resources withDevices(List<DeviceRule> rules) {
        return new Resources(memoryBytes, memorySwapBytes, nanoCpus, cpuShares, cpusetCpus, pidsLimit, rules);
    }
}
