package io.gantry.core.runtime;

import io.gantry.core.snapshot.Mount;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A container as stored in {@code containers/<id>/state.json}.
 *
 * @param id               64 hex digits
 * @param name             the unique name it is known by (Docker's, without the leading {@code /}), or empty
 * @param state            where it is in its life
 * @param spec             what it runs
 * @param rootfs           the mounts of its root filesystem (from the snapshotter)
 * @param monitorPid       the shim monitor's pid while it runs, else 0
 * @param monitorStartTime the monitor's start time in clock ticks since boot (a reused pid is not it), else 0
 * @param initPid          the container's init (pid 1 inside) on the host, else 0
 * @param initStartTime    the init's start time in clock ticks since boot; 0 if unknown
 * @param startedAt        RFC 3339 time of the last start, or empty
 * @param exit             how the last run ended, if it did
 * @param error            why the last start failed, or empty
 * @param restartCount     restarts by the restart policy since the user last started it
 * @param manuallyStopped  the user stopped it (Docker's HasBeenManuallyStopped): policies leave it alone
 */
public record ContainerRecord(String id, String name, ContainerState state, ContainerSpec spec, List<Mount> rootfs,
                              long monitorPid, long monitorStartTime, long initPid, long initStartTime,
                              String startedAt, @Nullable ExitStatus exit, String error, int restartCount,
                              boolean manuallyStopped) {

    public ContainerRecord {
        rootfs = List.copyOf(rootfs);
        if (name == null) {
            name = ""; // a state file written before containers had names
        }
    }

    static ContainerRecord created(String id, String name, ContainerSpec spec, List<Mount> rootfs) {
        return new ContainerRecord(id, name, ContainerState.CREATED, spec, rootfs, 0, 0, 0, 0, "", null, "", 0, false);
    }

    ContainerRecord running(long monitor, long monitorStart, long init, long initStart) {
        return new ContainerRecord(id, name, ContainerState.RUNNING, spec, rootfs, monitor, monitorStart, init, initStart,
                HostFacts.now(), null, "", restartCount, false);
    }

    ContainerRecord withRestartCount(int n) {
        return new ContainerRecord(id, name, state, spec, rootfs, monitorPid, monitorStartTime, initPid, initStartTime,
                startedAt, exit, error, n, manuallyStopped);
    }

    ContainerRecord exited(ExitStatus status, String why) {
        return new ContainerRecord(id, name, ContainerState.EXITED, spec, rootfs, 0, 0, 0, 0, startedAt, status, why,
                restartCount, manuallyStopped);
    }

    ContainerRecord withManuallyStopped(boolean stopped) {
        return new ContainerRecord(id, name, state, spec, rootfs, monitorPid, monitorStartTime, initPid, initStartTime,
                startedAt, exit, error, restartCount, stopped);
    }

    ContainerRecord withState(ContainerState next) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("container " + id + ": " + state + " cannot become " + next);
        }
        return new ContainerRecord(id, name, next, spec, rootfs, monitorPid, monitorStartTime, initPid, initStartTime,
                startedAt, exit, error, restartCount, manuallyStopped);
    }

    ContainerRecord withName(String newName) {
        return new ContainerRecord(id, newName, state, spec, rootfs, monitorPid, monitorStartTime, initPid, initStartTime,
                startedAt, exit, error, restartCount, manuallyStopped);
    }
}
