package io.gantry.core.runtime;

import io.gantry.core.cgroup.Cgroup;
import io.gantry.core.cgroup.CgroupDriver;
import io.gantry.core.cgroup.CgroupDrivers;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    private final Snapshotter snapshotter;
    private final CgroupDriver cgroups;
    private final Shim shim;
    private final long hostBoundingSet;
    private final Map<String, Container> containers = new ConcurrentHashMap<>();

    /** In-memory handle: the record plus what only a live engine holds. */
    private static final class Container {
        ContainerRecord record;
        @Nullable Cgroup cgroup;
        @Nullable CompletableFuture<ExitStatus> exit;

        Container(ContainerRecord record) {
            this.record = record;
        }
    }

    public ContainerRuntime(EngineInstance instance, Snapshotter snapshotter, CgroupDriver cgroups) {
        this.containersDir = instance.dataRoot().resolve("containers");
        this.snapshotter = snapshotter;
        this.cgroups = cgroups;
        try {
            Files.createDirectories(containersDir);
        } catch (IOException e) {
            throw new FailedPreconditionException("create " + containersDir + ": " + e.getMessage(), e);
        }
        this.shim = Shim.extract(instance.dataRoot().resolve("bin"));
        this.hostBoundingSet = HostFacts.boundingSet();
    }

    /** A runtime with this host's cgroup driver. */
    public static ContainerRuntime open(EngineInstance instance, Snapshotter snapshotter) {
        return new ContainerRuntime(instance, snapshotter, CgroupDrivers.detect(instance.cgroupName()));
    }

    /** Prepares a container (snapshot, state on disk) without starting it; returns its ID. */
    public String create(ContainerSpec spec) {
        validate(spec);
        String id = HexFormat.of().formatHex(randomBytes());
        Path dir = containersDir.resolve(id);
        List<Mount> rootfs = snapshotter.prepare(id, spec.layers());
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.createDirectory(dir.resolve("rootfs"));
        } catch (IOException e) {
            snapshotter.remove(id);
            throw new FailedPreconditionException("create container dir " + dir + ": " + e.getMessage(), e);
        }
        ContainerRecord record = new ContainerRecord(id, ContainerState.CREATED, spec, rootfs, 0, 0, 0, null, "");
        StateStore.write(dir.resolve("state.json"), record);
        containers.put(id, new Container(record));
        return id;
    }

    /** Starts a created or exited container; returns once its command runs (or throws why it could not). */
    public void start(String id) {
        Container c = get(id);
        synchronized (c) {
            ContainerRecord r = c.record;
            if (!r.state().canMoveTo(ContainerState.RUNNING) || r.state() == ContainerState.PAUSED) {
                throw new ConflictException("start container " + id + ": it is " + r.state().name().toLowerCase());
            }
            Path dir = containersDir.resolve(id);
            Cgroup cgroup = cgroups.create(id, r.spec().resources());
            Shim.Started started;
            try {
                Files.deleteIfExists(dir.resolve("exit"));
                Path conf = dir.resolve("shim.conf");
                Files.write(conf, ShimConfig.of(r.spec(), r.rootfs().get(0), dir.resolve("rootfs"), cgroup,
                        dir.resolve("container-json.log"), dir.resolve("exit"), hostBoundingSet));
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
            c.cgroup = cgroup;
            update(c, r.running(started.monitor().pid(), started.initPid(), HostFacts.startTime(started.initPid())));
            c.exit = started.monitor().onExit().thenApply(p -> reap(c));
        }
    }

    /** Waits up to {@code timeout} for the container to exit; empty if it still runs. */
    public Optional<ExitStatus> wait(String id, Duration timeout) {
        Container c = get(id);
        CompletableFuture<ExitStatus> exit;
        synchronized (c) {
            if (c.record.state() != ContainerState.RUNNING && c.record.state() != ContainerState.PAUSED) {
                return Optional.ofNullable(c.record.exit());
            }
            exit = c.exit;
        }
        if (exit == null) {
            throw new FailedPreconditionException("wait for container " + id + ": not started by this engine");
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

    /** Sends {@code signal} to the container's init; false if it had already exited. */
    public boolean kill(String id, int signal) {
        Container c = get(id);
        long pid;
        long startTime;
        synchronized (c) {
            if (c.record.state() != ContainerState.RUNNING && c.record.state() != ContainerState.PAUSED) {
                throw new ConflictException("kill container " + id + ": it is not running");
            }
            pid = c.record.initPid();
            startTime = c.record.initStartTime();
        }
        return startTime != 0 && shim.kill(pid, startTime, signal);
    }

    /** Sends the stop signal, and SIGKILL if the container has not exited after {@code timeout}. */
    public ExitStatus stop(String id, Duration timeout) {
        Container c = get(id);
        if (c.record.state() == ContainerState.RUNNING) {
            kill(id, c.record.spec().stopSignal());
            Optional<ExitStatus> exit = wait(id, timeout);
            if (exit.isPresent()) {
                return exit.get();
            }
            kill(id, 9);
        }
        return wait(id, Duration.ofSeconds(30))
                .orElseThrow(() -> new FailedPreconditionException("stop container " + id + ": still running after SIGKILL"));
    }

    /** Removes the container and everything it left; a running one only with {@code force} (killing it). */
    public void delete(String id, boolean force) {
        Container c = get(id);
        if (c.record.state() == ContainerState.RUNNING || c.record.state() == ContainerState.PAUSED) {
            if (!force) {
                throw new ConflictException("remove container " + id + ": it is running (stop it or force)");
            }
            stop(id, Duration.ZERO);
        }
        synchronized (c) {
            snapshotter.remove(id);
            if (c.cgroup != null) {
                cgroups.destroy(c.cgroup);
            }
            deleteTree(containersDir.resolve(id));
            containers.remove(id);
        }
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
        get(id);
        return ContainerLogs.read(containersDir.resolve(id).resolve("container-json.log"));
    }

    /** Removes the instance's cgroup parent if no container is left. Containers keep running. */
    @Override
    public void close() {
        cgroups.close();
    }

    private ExitStatus reap(Container c) {
        synchronized (c) {
            Path exitFile = containersDir.resolve(c.record.id()).resolve("exit");
            ExitStatus status = ExitFile.read(exitFile)
                    .orElseGet(() -> new ExitStatus(255, false, HostFacts.now()));
            if (c.cgroup != null) {
                cgroups.destroy(c.cgroup);
                c.cgroup = null;
            }
            update(c, c.record.exited(status, ""));
            return status;
        }
    }

    private void update(Container c, ContainerRecord next) {
        c.record = next;
        StateStore.write(containersDir.resolve(next.id()).resolve("state.json"), next);
    }

    private Container get(String id) {
        Container c = containers.get(id);
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

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new FailedPreconditionException("remove " + dir + ": " + e.getMessage(), e);
        }
    }
}
