package io.gantry.console.engine;

import io.gantry.core.api.types.ContainerCreateRequest;
import io.gantry.core.api.types.ContainerCreateResponse;
import io.gantry.core.api.types.ContainerInspect;
import io.gantry.core.api.types.ContainerSummary;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** The container endpoints of the Engine API. A reference is an id, an id prefix or a name. */
public interface ContainerCalls {

    /** {@code docker ps}, or {@code docker ps -a} with {@code all}. */
    List<ContainerSummary> listContainers(boolean all);

    /** {@code docker ps -a --filter label=<label>}: every container with that label ({@code key} or {@code key=value}). */
    List<ContainerSummary> listContainersLabelled(String label);

    ContainerInspect inspectContainer(String reference);

    /** Creates a container (not started); {@code name} null lets the engine pick one. */
    ContainerCreateResponse createContainer(@Nullable String name, ContainerCreateRequest request);

    /** Starts a container; one that already runs is left as it is. */
    void startContainer(String reference);

    /** Stops with the container's stop signal, then SIGKILL after {@code timeoutSeconds} (null: the container's own). */
    void stopContainer(String reference, @Nullable Integer timeoutSeconds);

    void restartContainer(String reference);

    /** Sends {@code signal} (e.g. {@code SIGKILL}, {@code SIGTERM}) to the container's main process. */
    void killContainer(String reference, String signal);

    /** Removes a container; a running one only with {@code force} (which kills it first). */
    void removeContainer(String reference, boolean force);

    /** The last {@code tail} lines of the log (all of it when negative), stdout and stderr interleaved, with times. */
    List<LogLine> logs(String reference, int tail);

    /**
     * Follows the log from the last {@code tail} lines on: each line goes to {@code listener} on a thread of the
     * stream's own until the returned handle is closed or the container's log ends ({@code onEnd} then runs, once).
     */
    EngineClient.EventSubscription followLogs(String reference, int tail, Consumer<LogLine> listener, Runnable onEnd);
}
