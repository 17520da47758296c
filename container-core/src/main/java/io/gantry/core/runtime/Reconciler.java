package io.gantry.core.runtime;

import io.gantry.core.cgroup.Cgroup;
import io.gantry.core.cgroup.CgroupDriver;
import io.gantry.core.snapshot.Snapshotter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a new engine does with what the previous one left under {@code containers/}: containers whose monitor
 * still lives are handed back to be watched again, those that ended meanwhile get their exit from the monitor's
 * exit file, and the leftovers of half-created or half-started containers (a directory without state, a snapshot
 * without a container, a cgroup of a container that is not running) are removed.
 */
final class Reconciler {

    /** A container found on disk; {@code cgroup} is set only for one that still runs. */
    record Found(ContainerRecord record, Optional<Cgroup> cgroup, boolean endedMeanwhile) {
        boolean live() {
            return record.state() == ContainerState.RUNNING || record.state() == ContainerState.PAUSED;
        }
    }

    private final Path containersDir;
    private final Snapshotter snapshotter;
    private final CgroupDriver cgroups;
    private final Shim shim;

    Reconciler(Path containersDir, Snapshotter snapshotter, CgroupDriver cgroups, Shim shim) {
        this.containersDir = containersDir;
        this.snapshotter = snapshotter;
        this.cgroups = cgroups;
        this.shim = shim;
    }

    List<Found> run() {
        List<Found> found = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(containersDir)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                String id = dir.getFileName().toString();
                Optional<ContainerRecord> record = readState(dir);
                if (record.isEmpty()) {
                    removeLeftover(id, dir);
                    continue;
                }
                ids.add(id);
                found.add(reconcile(dir, record.get()));
            }
        } catch (IOException e) {
            throw new io.gantry.core.errors.FailedPreconditionException("list " + containersDir + ": " + e.getMessage(), e);
        }
        for (String key : snapshotter.list()) {
            if (!ids.contains(key)) {
                snapshotter.remove(key); // prepared by a create that died before writing its state
            }
        }
        return found;
    }

    private Found reconcile(Path dir, ContainerRecord r) {
        boolean wasRunning = r.state() == ContainerState.RUNNING || r.state() == ContainerState.PAUSED;
        Path exitFile = dir.resolve(ExitWatcher.EXIT_FILE);
        if (wasRunning && HostFacts.alive(r.monitorPid(), r.monitorStartTime()) && !Files.exists(exitFile)) {
            return new Found(r, cgroups.find(r.id()), false);
        }
        if (wasRunning) {
            Optional<ExitStatus> exit = ExitFile.read(exitFile);
            if (exit.isEmpty() && HostFacts.alive(r.initPid(), r.initStartTime())) {
                shim.kill(r.initPid(), r.initStartTime(), 9); // no monitor left to log or reap it
            }
            removeCgroup(r.id());
            ContainerRecord ended = r.exited(exit.orElseGet(() -> new ExitStatus(255, false, HostFacts.now())),
                    exit.isPresent() ? "" : "gantry-shim monitor ended without recording an exit");
            StateStore.write(dir.resolve("state.json"), ended);
            return new Found(ended, Optional.empty(), true);
        }
        removeCgroup(r.id()); // a start that died after creating the cgroup, maybe after starting the shim
        return new Found(r, Optional.empty(), false);
    }

    private Optional<ContainerRecord> readState(Path dir) {
        Path state = dir.resolve("state.json");
        if (!Files.isRegularFile(state)) {
            return Optional.empty();
        }
        try {
            return Optional.of(StateStore.read(state, ContainerRecord.class));
        } catch (RuntimeException e) {
            return Optional.empty(); // written atomically, so unreadable means not ours to keep
        }
    }

    private void removeLeftover(String id, Path dir) {
        removeCgroup(id);
        snapshotter.remove(id);
        ContainerRuntime.deleteTree(dir);
    }

    /** Kills whatever still runs in the container's cgroup (its init first takes the rest) and removes it. */
    void removeCgroup(String id) {
        Optional<Cgroup> cgroup = cgroups.find(id);
        if (cgroup.isEmpty()) {
            return;
        }
        for (long pid : cgroups.pids(cgroup.get())) {
            long start = HostFacts.startTime(pid);
            if (start != 0) {
                shim.kill(pid, start, 9);
            }
        }
        cgroups.destroy(cgroup.get());
    }
}
