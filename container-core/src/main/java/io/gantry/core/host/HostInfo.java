package io.gantry.core.host;

/**
 * Facts about the host, as the engine reports them.
 *
 * @param cgroupMode      {@code v1}, {@code v2} or {@code hybrid} (v1 controllers plus a v2 mount)
 * @param operatingSystem the distribution's pretty name, e.g. "Debian GNU/Linux 12 (bookworm)"
 */
public record HostInfo(String hostname, String kernel, String operatingSystem, String architecture, int cpus,
        long memoryTotalBytes, long memoryAvailableBytes, CgroupMode cgroupMode, boolean overlayfs,
        boolean userNamespaces) {

    /** How the host mounts its cgroup hierarchies. */
    public enum CgroupMode {
        V1, V2, HYBRID;

        /** Docker's {@code CgroupVersion}: a hybrid host counts as v1, since its controllers are there. */
        public String dockerVersion() {
            return this == V2 ? "2" : "1";
        }

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
