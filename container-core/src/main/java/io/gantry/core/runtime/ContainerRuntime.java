package io.gantry.core.runtime;

import io.gantry.core.cgroup.Cgroup;
import io.gantry.core.cgroup.CgroupDriver;
import io.gantry.core.cgroup.CgroupDrivers;
import io.gantry.core.cgroup.CgroupStats;
import io.gantry.core.cgroup.DeviceRule;
import io.gantry.core.cgroup.Resources;
import io.gantry.core.instance.EngineInstance;
import io.gantry.core.errors.ConflictException;
import io.gantry.core.errors.FailedPreconditionException;
import io.gantry.core.errors.InvalidArgumentException;
import io.gantry.core.errors.NotFoundException;
import io.gantry.core.snapshot.Mount;
import io.gantry.core.snapshot.Snapshotter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Runs containers: the Java API the Engine API exposes. Each container gets a writable snapshot, a cgroup and,
 * while it runs, one detached {@code gantry-shim} monitor. State is written to disk at every transition.
 * Methods on different containers run concurrently; methods on one container are serialised.
 */
public final class ContainerRuntime implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** runc CVE-2024-21626: a working directory reached through a process's fd table escapes the rootfs. */
    private static final Pattern PROC_FD = Pattern.compile("^/proc/(self|thread-self|[0-9]+)(/task/[0-9]+)?/fd(/.*)?$");

    private final Path containersDir;
    /** Root-only directory of the monitors' attach sockets (a socket path must stay under 108 bytes). */
    private final Path runDir;
    private final Snapshotter snapshotter;
    private final CgroupDriver cgroups;
    private final Shim shim;
    private final long hostBoundingSet;
    private final Map<String, LiveContainer> containers = new ConcurrentHashMap<>();
    private final ContainerNames names = new ContainerNames();
    private final ExitWatcher watcher;
    private final ScheduledExecutorService restarts;
    private final List<java.util.function.BiConsumer<String, ExitStatus>> exitListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<String>> startListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Opens the runtime on {@code instance}'s data root. Containers a previous engine left there are taken over:
     * running ones are watched again, those that ended meanwhile get their exit code (and their restart policy),
     * and leftovers of half-created ones are removed.
     */
    public ContainerRuntime(EngineInstance instance, Snapshotter snapshotter, CgroupDriver cgroups) {
        this.containersDir = instance.dataRoot().resolve("containers");
        this.runDir = instance.runDir();
        this.snapshotter = snapshotter;
        this.cgroups = cgroups;
        try {
            Files.createDirectories(containersDir);
            Files.createDirectories(runDir);
            Files.setPosixFilePermissions(runDir, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new FailedPreconditionException("create " + containersDir + ": " + e.getMessage(), e);
        }
        this.shim = Shim.extract(instance.dataRoot().resolve("bin"));
        this.hostBoundingSet = HostFacts.boundingSet();
        this.restarts = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gantry-restarts");
            t.setDaemon(true);
            return t;
        });
        this.watcher = new ExitWatcher(this::onExit);
        for (Reconciler.Found found : new Reconciler(containersDir, snapshotter, cgroups, shim).run()) {
            adopt(found);
        }
    }

    /** A runtime with this host's cgroup driver. */
    public static ContainerRuntime open(EngineInstance instance, Snapshotter snapshotter) {
        return new ContainerRuntime(instance, snapshotter, CgroupDrivers.detect(instance.cgroupName()));
    }

    /** Prepares a container without a name (snapshot, state on disk) without starting it; returns its ID. */
    public String create(ContainerSpec spec) {
        return createNamed(newId(), spec, "");
    }

    /** A fresh container ID: 64 random hex digits. */
    public static String newId() {
        return HexFormat.of().formatHex(randomBytes());
    }

    /**
     * Prepares a container under an ID the caller chose with {@link #newId} (so that it can, like Docker, name the
     * container's hostname after it before it exists).
     */
    public String create(String id, ContainerSpec spec) {
        if (!id.matches("[0-9a-f]{64}") || containers.containsKey(id)) {
            throw new InvalidArgumentException("create container: invalid or used ID " + id);
        }
        return createNamed(id, spec, "");
    }

    /**
     * Prepares a container named {@code name} (unique, Docker's rules, a leading {@code /} allowed) without
     * starting it; returns its ID. A name in use is a Conflict.
     */
    public String create(ContainerSpec spec, String name) {
        return createNamed(newId(), spec, ContainerNames.normalise(name));
    }

    private String createNamed(String id, ContainerSpec spec, String name) {
        validate(spec);
        names.reserve(name, id);
        Path dir = containersDir.resolve(id);
        try {
            List<Mount> rootfs = snapshotter.prepare(id, spec.layers());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                Files.createDirectory(dir.resolve("rootfs"));
            } catch (IOException e) {
                snapshotter.remove(id);
                throw new FailedPreconditionException("create container dir " + dir + ": " + e.getMessage(), e);
            }
            ContainerRecord record = ContainerRecord.created(id, name, spec, rootfs);
            StateStore.write(dir.resolve("state.json"), record);
            containers.put(id, new LiveContainer(record));
            return id;
        } catch (RuntimeException e) {
            names.release(name, id);
            throw e;
        }
    }

    /** The ID of the container named {@code name} (with or without the leading {@code /}). */
    public Optional<String> idOfName(String name) {
        return names.idOf(name);
    }

    /** Gives the container a new unique name; nothing else about it changes, running or not. */
    public void rename(String id, String newName) {
        LiveContainer c = get(id);
        String name = ContainerNames.normalise(newName);
        synchronized (c) {
            String old = c.record.name();
            if (old.equals(name)) {
                throw new InvalidArgumentException("rename container " + id + ": it is named " + name + " already");
            }
            names.reserve(name, id);
            try {
                update(c, c.record.withName(name));
            } catch (RuntimeException e) {
                names.release(name, id);
                throw e;
            }
            names.release(old, id);
        }
    }

    /**
     * Starts a created or exited container; returns once its command runs (or throws why it could not). A start
     * by the user clears a previous stop and the restart count.
     */
    public void start(String id) {
        LiveContainer c = get(id);
        synchronized (c) {
            if (c.running()) {
                throw new ConflictException("start container " + id + ": it is " + c.record.state().name().toLowerCase());
            }
            c.cancelRestart();
            c.quickRestarts = 0;
            c.record = c.record.withRestartCount(0).withManuallyStopped(false);
            startLocked(c);
        }
    }

    private void startLocked(LiveContainer c) {
        ContainerRecord r = c.record;
        String id = r.id();
        if (c.filesystemMounts > 0) {
            throw new ConflictException("start container " + id + ": its filesystem is open for a copy or export");
        }
        Path dir = containersDir.resolve(id);
        Cgroup cgroup = cgroups.create(id, cgroupResources(r.spec()));
        Shim.Started started;
        try {
            Files.deleteIfExists(dir.resolve(ExitWatcher.EXIT_FILE));
            Path conf = dir.resolve("shim.conf");
            Files.write(conf, ShimConfig.of(r.spec(), r.rootfs().get(0), dir.resolve("rootfs"), cgroup,
                    dir.resolve("container-json.log"), dir.resolve(ExitWatcher.EXIT_FILE), attachSocket(id), hostBoundingSet));
            started = shim.run(conf);
        } catch (ShimStatus.ShimError e) {
            cgroups.destroy(cgroup);
            int code = e.errno() == 13 ? 126 : 127; // EACCES: not executable; else: not found or set-up failed
            update(c, r.exited(new ExitStatus(code, false, HostFacts.now()), e.getMessage()));
            throw new FailedPreconditionException("start container " + id + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            cgroups.destroy(cgroup);
            throw e instanceof RuntimeException re ? re
                    : new FailedPreconditionException("start container " + id + ": " + e.getMessage(), e);
        }
        long monitor = started.monitor().pid();
        c.cgroup = cgroup;
        c.exit = new CompletableFuture<>();
        update(c, r.running(monitor, HostFacts.startTime(monitor), started.initPid(),
                HostFacts.startTime(started.initPid())));
        // Before the watch: a run that already ended is reported by watch() at once, on this thread.
        startListeners.forEach(listener -> listener.accept(id));
        watcher.watch(id, dir, monitor, c.record.monitorStartTime());
    }

    /** A privileged container may use every device, as in Docker; others get the spec's rules. */
    private static Resources cgroupResources(ContainerSpec spec) {
        return spec.privileged() ? spec.resources().withDevices(List.of(new DeviceRule(true, 'a', -1, -1, "rwm")))
                : spec.resources();
    }

    /** Waits up to {@code timeout} for the current run to end; the last exit if it is not running; else empty. */
    public Optional<ExitStatus> wait(String id, Duration timeout) {
        LiveContainer c = get(id);
        CompletableFuture<ExitStatus> exit;
        synchronized (c) {
            if (!c.running() || c.exit == null) {
                return Optional.ofNullable(c.record.exit());
            }
            exit = c.exit;
        }
        try {
            return Optional.of(exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FailedPreconditionException("wait for container " + id + ": interrupted", e);
        } catch (ExecutionException e) {
            throw new FailedPreconditionException("wait for container " + id + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Sends {@code signal} to the container's init; false if it had already exited. A paused container is thawed
     * after the signal is sent, so that it is delivered (as Docker does).
     */
    public boolean kill(String id, int signal) {
        LiveContainer c = get(id);
        long pid;
        long startTime;
        synchronized (c) {
            if (!c.running()) {
                throw new ConflictException("kill container " + id + ": it is not running");
            }
            pid = c.record.initPid();
            startTime = c.record.initStartTime();
        }
        boolean sent = startTime != 0 && shim.kill(pid, startTime, signal);
        synchronized (c) {
            if (c.record.state() == ContainerState.PAUSED && c.cgroup != null) {
                cgroups.freeze(c.cgroup, false);
                update(c, c.record.withState(ContainerState.RUNNING));
            }
        }
        return sent;
    }

    /** Freezes every process of the running container (cgroup freezer); they keep their memory and state. */
    public void pause(String id) {
        LiveContainer c = get(id);
        synchronized (c) {
            if (c.record.state() == ContainerState.PAUSED) {
                throw new ConflictException("pause container " + id + ": it is already paused");
            }
            if (c.record.state() != ContainerState.RUNNING || c.cgroup == null) {
                throw new ConflictException("pause container " + id + ": it is not running");
            }
            cgroups.freeze(c.cgroup, true);
            update(c, c.record.withState(ContainerState.PAUSED));
        }
    }

    /** Thaws a paused container: its processes carry on where they stopped. */
    public void unpause(String id) {
        LiveContainer c = get(id);
        synchronized (c) {
            if (c.record.state() != ContainerState.PAUSED || c.cgroup == null) {
                throw new ConflictException("unpause container " + id + ": it is not paused");
            }
            if (c.filesystemFreezes == 0) {
                cgroups.freeze(c.cgroup, false); // else the open filesystem thaws it when it closes
            }
            update(c, c.record.withState(ContainerState.RUNNING));
        }
    }

    /**
     * Docker's restart: stops the container if it runs ({@link #stop}, paused ones too) and starts it again, as
     * a start by the user (restart count and stop cleared).
     */
    public void restart(String id, Duration timeout) {
        LiveContainer c = get(id);
        if (c.running()) {
            stop(id, timeout);
        }
        start(id);
    }

    /**
     * Sends the stop signal, and SIGKILL if the container has not exited after {@code timeout}. The container
     * counts as stopped by the user: no restart policy starts it again (until an engine restart, for
     * {@code always}). Stopping an exited container returns its last exit and cancels a pending restart.
     */
    public ExitStatus stop(String id, Duration timeout) {
        LiveContainer c = get(id);
        synchronized (c) {
            c.cancelRestart();
            update(c, c.record.withManuallyStopped(true));
            if (!c.running()) {
                if (c.record.exit() == null) {
                    throw new ConflictException("stop container " + id + ": it was never started");
                }
                return c.record.exit();
            }
        }
        if (signalIfRunning(id, c.record.spec().stopSignal())) {
            Optional<ExitStatus> exit = wait(id, timeout);
            if (exit.isPresent()) {
                return exit.get();
            }
            signalIfRunning(id, 9);
        }
        return wait(id, Duration.ofSeconds(30))
                .orElseThrow(() -> new FailedPreconditionException("stop container " + id + ": still running after SIGKILL"));
    }

    private boolean signalIfRunning(String id, int signal) {
        try {
            return kill(id, signal);
        } catch (ConflictException e) {
            return false; // exited meanwhile
        }
    }

    /**
     * Starts {@code exec} in the running container {@code id}, in its namespaces and cgroups and with its
     * capabilities, seccomp filter and no_new_privs. The process ends on its own or with the container.
     */
    public ExecHandle exec(String id, ExecSpec exec) {
        LiveContainer c = get(id);
        ContainerRecord r;
        Cgroup cgroup;
        synchronized (c) {
            if (c.record.state() == ContainerState.PAUSED) {
                throw new ConflictException("exec in container " + id + ": it is paused, unpause it first");
            }
            if (c.record.state() != ContainerState.RUNNING || c.cgroup == null) {
                throw new ConflictException("exec in container " + id + ": it is not running");
            }
            r = c.record;
            cgroup = c.cgroup;
        }
        Path conf = containersDir.resolve(id).resolve("exec-" + HexFormat.of().formatHex(randomBytes(), 0, 8) + ".conf");
        try {
            Files.write(conf, ShimConfig.forExec(r.spec(), exec, cgroup, r.initPid(), r.initStartTime(), hostBoundingSet));
            return shim.exec(conf);
        } catch (IOException e) {
            throw new FailedPreconditionException("exec in container " + id + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(conf);
            } catch (IOException e) {
                // removed with the container at the latest
            }
        }
    }

    /**
     * Holds the container's files for the engine's own reading or writing ({@code docker cp}, {@code export},
     * {@code diff}): a running container is frozen until the returned handle is closed (a paused one stays as it is),
     * a stopped one cannot start or be removed meanwhile. See {@link ContainerFilesystem}.
     */
    public ContainerFilesystem openFilesystem(String id) {
        LiveContainer c = get(id);
        synchronized (c) {
            ContainerRecord r = c.record;
            if (!c.running()) {
                c.filesystemMounts++;
                boolean[] writer = {false};
                Runnable claimWriter = () -> {
                    synchronized (c) {
                        if (c.filesystemWriter) {
                            throw new ConflictException("container " + id + ": another copy is writing its filesystem");
                        }
                        c.filesystemWriter = writer[0] = true;
                    }
                };
                return new ContainerFilesystem(null, r.rootfs().get(0), mountPoints(r.spec()), claimWriter, () -> {
                    synchronized (c) {
                        c.filesystemMounts--;
                        c.filesystemWriter &= !writer[0];
                    }
                });
            }
            Cgroup cgroup = c.cgroup;
            if (cgroup == null) {
                throw new ConflictException("open the filesystem of container " + id + ": it is not running");
            }
            if (c.filesystemFreezes == 0 && r.state() == ContainerState.RUNNING) {
                cgroups.freeze(cgroup, true);
            }
            c.filesystemFreezes++;
            Runnable thaw = () -> {
                synchronized (c) {
                    if (--c.filesystemFreezes == 0 && c.record.state() == ContainerState.RUNNING && c.cgroup == cgroup) {
                        cgroups.freeze(cgroup, false);
                    }
                }
            };
            if (!HostFacts.alive(r.initPid(), r.initStartTime())) {
                thaw.run();
                throw new ConflictException("open the filesystem of container " + id + ": its init has exited");
            }
            return new ContainerFilesystem(Path.of("/proc", Long.toString(r.initPid()), "root"), r.rootfs().get(0),
                    mountPoints(r.spec()), () -> { }, thaw);
        }
    }

    private static List<String> mountPoints(ContainerSpec spec) {
        List<String> points = new java.util.ArrayList<>(ShimConfig.DEFAULT_MOUNT_POINTS);
        spec.binds().forEach(bind -> points.add(bind.target()));
        return points;
    }

    /**
     * Attaches to the running container's stdio through its monitor: output from now on, input if the container
     * was created with {@code openStdin} (or a tty). Closing the handle detaches; the container runs on.
     */
    public AttachHandle attach(String id) {
        LiveContainer c = get(id);
        if (!c.running()) {
            throw new ConflictException("attach to container " + id + ": it is not running");
        }
        return AttachHandle.connect(id, attachSocket(id));
    }

    /** Sets the terminal size of a tty container. */
    public void resize(String id, int rows, int cols) {
        try (AttachHandle h = attach(id)) {
            h.resize(rows, cols);
        }
    }

    private Path attachSocket(String id) {
        return runDir.resolve(id + ".sock");
    }

    /** Removes the container and everything it left; a running one only with {@code force} (killing it). */
    public void delete(String id, boolean force) {
        LiveContainer c = get(id);
        if (c.running()) {
            if (!force) {
                throw new ConflictException("remove container " + id + ": it is running (stop it or force)");
            }
            stop(id, Duration.ZERO);
        }
        synchronized (c) {
            if (c.filesystemMounts > 0) {
                throw new ConflictException("remove container " + id + ": its filesystem is open for a copy or export");
            }
            c.cancelRestart();
            watcher.unwatch(id);
            snapshotter.remove(id);
            if (c.cgroup != null) {
                cgroups.destroy(c.cgroup);
            }
            deleteTree(containersDir.resolve(id));
            deleteQuietly(attachSocket(id)); // a monitor killed by SIGKILL could not unlink it
            containers.remove(id);
            names.release(c.record.name(), id);
        }
    }

    /**
     * A reading of the container's cgroup and the host's CPU counters; all cgroup figures are zero when it does
     * not run. The memory limit of an unlimited container is the host's memory, as Docker reports it.
     */
    public ContainerStats stats(String id) {
        LiveContainer c = get(id);
        CgroupStats s;
        synchronized (c) {
            s = c.running() && c.cgroup != null ? cgroups.stats(c.cgroup) : null;
        }
        CgroupStats read = s == null ? CgroupStats.none() : s.withMemoryLimitAtMost(HostFacts.memTotal());
        return new ContainerStats(id, c.record.name(), Instant.now(), read, HostFacts.systemCpuNanos(), HostFacts.onlineCpus());
    }

    /** The host pids of every process in the running container's cgroup, exec'd ones included; empty when it does not run. */
    public List<Long> processes(String id) {
        LiveContainer c = get(id);
        synchronized (c) {
            return c.running() && c.cgroup != null ? cgroups.pids(c.cgroup) : List.of();
        }
    }

    /**
     * Calls {@code listener} with the container's ID and exit whenever a run ends, however it ended (its command
     * returned, a signal, a stop), before waiters learn of it: Docker's {@code die} event. It must return quickly.
     */
    public void onExit(java.util.function.BiConsumer<String, ExitStatus> listener) {
        exitListeners.add(listener);
    }

    /**
     * Calls {@code listener} with the container's ID whenever it starts (by the user or its restart policy), under the
     * container's lock, so that it comes before the {@link #onExit} of the same run: Docker's {@code start} event.
     */
    public void onStart(java.util.function.Consumer<String> listener) {
        startListeners.add(listener);
    }

    /** IDs of the containers this runtime knows. */
    public List<String> list() {
        return List.copyOf(containers.keySet());
    }

    public ContainerRecord inspect(String id) {
        return get(id).record;
    }

    /** The container's log so far, stdout and stderr interleaved in order. */
    public List<LogEntry> logs(String id) {
        return logs(id, LogQuery.all());
    }

    /** The entries {@code query} selects, rotated files included; {@code follow} is ignored here. */
    public List<LogEntry> logs(String id, LogQuery query) {
        LiveContainer c = get(id);
        return ContainerLogs.read(containersDir.resolve(id).resolve("container-json.log"), c.record.spec().logMaxFiles(), query);
    }

    /**
     * Sends the entries {@code query} selects to {@code sink}; with {@code follow}, then every new entry until
     * the container's current run ends (at once if it is not running). Blocks the calling thread meanwhile.
     */
    public void logs(String id, LogQuery query, Consumer<LogEntry> sink) {
        LiveContainer c = get(id);
        Path log = containersDir.resolve(id).resolve("container-json.log");
        if (!query.follow()) {
            ContainerLogs.read(log, c.record.spec().logMaxFiles(), query).forEach(sink);
            return;
        }
        CompletableFuture<ExitStatus> exit;
        synchronized (c) {
            exit = c.exit;
        }
        // The follower polls the file for output; the run's end wakes it at once, so a client sees the end promptly.
        ContainerLogs.follow(log, c.record.spec().logMaxFiles(), query, sink, c::running, ms -> {
            if (exit == null) {
                Thread.sleep(ms);
                return;
            }
            try {
                exit.get(ms, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException stillRunningOrFailed) {
                // poll the file again
            }
        });
    }

    /**
     * Stops watching and restarting, and removes the instance's cgroup parent if no container is left.
     * Containers keep running; a new runtime on the same data root takes them over.
     */
    @Override
    public void close() {
        restarts.shutdownNow();
        watcher.close();
        cgroups.close();
        try {
            Files.deleteIfExists(runDir); // only when no monitor's socket is left in it
        } catch (IOException e) {
            // running containers keep their sockets there
        }
    }

    private void adopt(Reconciler.Found found) {
        ContainerRecord r = found.record();
        LiveContainer c = new LiveContainer(r);
        containers.put(r.id(), c);
        names.reserve(r.name(), r.id());
        synchronized (c) {
            if (found.live()) {
                c.cgroup = found.cgroup().orElse(null);
                c.exit = new CompletableFuture<>();
                watcher.watch(r.id(), containersDir.resolve(r.id()), r.monitorPid(), r.monitorStartTime());
            } else if (r.exit() != null && !r.startedAt().isEmpty() && r.spec().restartPolicy()
                    .restartsOnEngineStart(r.exit().exitCode(), r.restartCount(), r.manuallyStopped())) {
                if (r.manuallyStopped()) {
                    update(c, r.withManuallyStopped(false)); // always: an engine restart starts it again
                }
                scheduleRestart(c, Duration.ZERO);
            }
        }
    }

    /** The watcher saw the container's run end: record the exit, free the cgroup, apply the restart policy. */
    private void onExit(String id) {
        LiveContainer c = containers.get(id);
        if (c == null) {
            return;
        }
        synchronized (c) {
            if (!c.running()) {
                return;
            }
            Path exitFile = containersDir.resolve(id).resolve(ExitWatcher.EXIT_FILE);
            Optional<ExitStatus> recorded = ExitFile.read(exitFile);
            if (recorded.isEmpty() && HostFacts.alive(c.record.initPid(), c.record.initStartTime())) {
                shim.kill(c.record.initPid(), c.record.initStartTime(), 9); // its monitor is gone
            }
            ExitStatus status = recorded.orElseGet(() -> new ExitStatus(255, false, HostFacts.now()));
            if (c.cgroup != null) {
                cgroups.destroy(c.cgroup);
                c.cgroup = null;
            }
            update(c, c.record.exited(status, recorded.isPresent() ? "" : "gantry-shim monitor ended without recording an exit"));
            exitListeners.forEach(listener -> listener.accept(id, status));
            CompletableFuture<ExitStatus> exit = c.exit;
            c.exit = null;
            applyRestartPolicy(c);
            if (exit != null) {
                exit.complete(status);
            }
        }
    }

    private void applyRestartPolicy(LiveContainer c) {
        ContainerRecord r = c.record;
        ExitStatus exit = r.exit();
        if (exit == null || !r.spec().restartPolicy().restartsAfterExit(exit.exitCode(), r.restartCount(), r.manuallyStopped())) {
            return;
        }
        if (ranAtLeast(r, RestartPolicy.RESET_AFTER)) {
            c.quickRestarts = 0;
        }
        scheduleRestart(c, RestartPolicy.delay(c.quickRestarts++));
    }

    private void scheduleRestart(LiveContainer c, Duration delay) {
        String id = c.record.id();
        c.pendingRestart = restarts.schedule(() -> restartByPolicy(id), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restartByPolicy(String id) {
        LiveContainer c = containers.get(id);
        if (c == null) {
            return;
        }
        synchronized (c) {
            c.pendingRestart = null;
            if (c.running() || c.record.manuallyStopped()) {
                return;
            }
            c.record = c.record.withRestartCount(c.record.restartCount() + 1);
            try {
                startLocked(c);
            } catch (RuntimeException e) {
                // the failed start is recorded as an exit (126/127), which the policy judges like any other
                applyRestartPolicy(c);
            }
        }
    }

    private static boolean ranAtLeast(ContainerRecord r, Duration d) {
        try {
            return r.exit() != null && !r.startedAt().isEmpty() && Duration.between(
                    Instant.parse(r.startedAt()), Instant.parse(r.exit().finishedAt())).compareTo(d) >= 0;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private void update(LiveContainer c, ContainerRecord next) {
        c.record = next;
        StateStore.write(containersDir.resolve(next.id()).resolve("state.json"), next);
    }

    private LiveContainer get(String id) {
        LiveContainer c = containers.get(id);
        if (c == null) {
            throw new NotFoundException("container " + id + ": not found");
        }
        return c;
    }

    private static void validate(ContainerSpec spec) {
        String cwd = spec.workingDir();
        if (!cwd.startsWith("/")) {
            throw new InvalidArgumentException("working directory " + cwd + ": must be absolute");
        }
        if (PROC_FD.matcher(Path.of(cwd).normalize().toString()).matches()) {
            throw new InvalidArgumentException("working directory " + cwd + ": a path under /proc/<pid>/fd is refused");
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return b;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover socket in the root-only run directory does no harm
        }
    }

    static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new FailedPreconditionException("remove " + dir + ": " + e.getMessage(), e);
        }
    }
}
