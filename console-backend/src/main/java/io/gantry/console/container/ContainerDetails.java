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
 */
public record ContainerDetails(String id, String name, String image, ContainerState state, Instant created,
        @Nullable Instant startedAt, @Nullable Instant finishedAt, String command, @Nullable String workingDir,
        @Nullable String user, List<EnvironmentVariable> environment, Map<String, String> labels, String restartPolicy,
        int restartCount, @Nullable Integer exitCode, boolean oomKilled, @Nullable String error, long memoryLimit,
        double cpus, boolean privileged, boolean tty) {

    public ContainerDetails {
        environment = List.copyOf(environment);
        labels = Map.copyOf(labels);
    }
}
