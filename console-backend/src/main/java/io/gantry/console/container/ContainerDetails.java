package io.gantry.console.container;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the container details page shows.
 *
 * @param command     entrypoint and arguments as one shell line
 * @param exitCode    of the last run; null while it has never exited
 * @param memoryLimit bytes, 0 for none
 * @param cpus        CPUs (NanoCpus / 1e9), 0 for no limit
 * @param restartPolicy {@code no}, {@code always}, {@code unless-stopped} or {@code on-failure[:n]}
 * @param networks    the names of the networks it is attached to
 */
public record ContainerDetails(String id, String name, String image, ContainerState state, Instant created,
        @Nullable Instant startedAt, @Nullable Instant finishedAt, String command, @Nullable String workingDir,
        @Nullable String user, List<EnvironmentVariable> environment, Map<String, String> labels, String restartPolicy,
        int restartCount, @Nullable Integer exitCode, boolean oomKilled, @Nullable String error, long memoryLimit,
        double cpus, boolean privileged, boolean tty, boolean openStdin, List<PublishedPort> ports,
        List<ContainerMount> mounts, List<String> networks) {

    public ContainerDetails {
        environment = List.copyOf(environment);
        labels = Map.copyOf(labels);
        ports = List.copyOf(ports);
        mounts = List.copyOf(mounts);
        networks = List.copyOf(networks);
    }

    /** A container port published on the host; {@code hostIp} empty or {@code 0.0.0.0} for every address. */
    public record PublishedPort(String hostIp, int hostPort, String containerPort) {

        /** Whether it is reachable from elsewhere than the host itself. */
        public boolean onEveryAddress() {
            return hostIp.isEmpty() || hostIp.equals("0.0.0.0") || hostIp.equals("::");
        }
    }

    /**
     * A mount: a volume (source is its name), a host directory ({@code bind}) or a {@code tmpfs}.
     */
    public record ContainerMount(String type, String source, String destination, boolean readOnly) {
    }

    /** Whether one can attach to the main process as to a terminal ({@code docker run -it}). */
    public boolean attachable() {
        return tty && openStdin && state.isActive();
    }
}
