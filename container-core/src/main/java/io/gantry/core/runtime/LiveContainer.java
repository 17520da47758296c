package io.gantry.core.runtime;

import io.gantry.core.cgroup.Cgroup;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

/** A container as the runtime holds it in memory: its record plus what only a live engine knows. */
final class LiveContainer {

    volatile ContainerRecord record;
    @Nullable Cgroup cgroup;
    /** Completes when the current run ends; null while the container is not running. */
    @Nullable CompletableFuture<ExitStatus> exit;
    @Nullable ScheduledFuture<?> pendingRestart;
    /** Restarts in a row that followed a short run: the exponent of the next backoff delay. */
    int quickRestarts;
    /** Open {@link ContainerFilesystem}s of the running container: it stays frozen while there are any. */
    int filesystemFreezes;
    /** Open {@link ContainerFilesystem}s of the stopped container, which mount its layers: it may not start meanwhile. */
    int filesystemMounts;
    /** Whether one of them mounted its upper directory writable, which only one overlay at a time may do. */
    boolean filesystemWriter;

    LiveContainer(ContainerRecord record) {
        this.record = record;
    }

    boolean running() {
        return record.state() == ContainerState.RUNNING || record.state() == ContainerState.PAUSED;
    }

    void cancelRestart() {
        if (pendingRestart != null) {
            pendingRestart.cancel(false);
            pendingRestart = null;
        }
    }
}
