package io.gantry.core.runtime;

import io.gantry.core.snapshot.Mount;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A container as stored in {@code containers/<id>/state.json}.
 *
 * @param id            64 hex digits
 * @param state         where it is in its life
 * @param spec          what it runs
 * @param rootfs        the mounts of its root filesystem (from the snapshotter)
 * @param monitorPid    the shim monitor's pid while it runs, else 0
 * @param initPid       the container's init (pid 1 inside) on the host, else 0
 * @param initStartTime the init's start time in clock ticks since boot, to tell a reused pid apart; 0 if unknown
 * @param exit          how the last run ended, if it did
 * @param error         why the last start failed, or empty
 */
public record ContainerRecord(String id, ContainerState state, ContainerSpec spec, List<Mount> rootfs, long monitorPid,
                              long initPid, long initStartTime, @Nullable ExitStatus exit, String error) {

    public ContainerRecord {
        rootfs = List.copyOf(rootfs);
    }

    ContainerRecord running(long monitor, long init, long startTime) {
        return new ContainerRecord(id, ContainerState.RUNNING, spec, rootfs, monitor, init, startTime, null, "");
    }

    ContainerRecord exited(ExitStatus status, String why) {
        return new ContainerRecord(id, ContainerState.EXITED, spec, rootfs, 0, 0, 0, status, why);
    }
}
