package io.gantry.console.metrics;

import java.nio.file.Path;

/**
 * What the dashboard shows about the machine the engine runs on.
 *
 * @param cgroupMode        {@code v1}, {@code v2} or {@code hybrid}
 * @param diskFreeBytes     free space on the file system holding the data root
 */
public record HostFacts(String hostname, String kernel, int cpus, long memoryTotalBytes, long memoryUsedBytes,
        long diskFreeBytes, String cgroupMode, boolean overlayfs, boolean userNamespaces, Path dataRoot) {
}
