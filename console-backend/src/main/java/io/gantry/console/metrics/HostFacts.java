package io.gantry.console.metrics;

import java.util.List;

/**
 * What the dashboard shows about the engine the console drives and the machine it runs on. The engine's own view
 * (kernel, CPUs, memory, cgroups, storage, data root) comes from its {@code /info}, so it is right whichever engine
 * that is; the live usage (memory in use, free disk) is read from the host, which a unix-socket engine shares.
 *
 * @param cgroupMode    {@code v1}, {@code v2} or {@code hybrid}
 * @param diskFreeBytes free space on the file system of the engine's data root
 */
public record HostFacts(String engineUrl, String engineVersion, String hostname, String kernel, String operatingSystem,
        int cpus, long memoryTotalBytes, long memoryUsedBytes, long diskFreeBytes, String cgroupMode,
        String storageDriver, boolean overlayfs, boolean userNamespaces, String dataRoot, List<String> registryMirrors) {

    public HostFacts {
        registryMirrors = List.copyOf(registryMirrors);
    }
}
