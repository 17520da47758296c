package io.gantry.core.runtime;

import io.gantry.core.cgroup.CgroupDrivers;
import io.gantry.core.instance.EngineInstance;
import io.gantry.core.snapshot.ChainId;
import io.gantry.core.snapshot.CopySnapshotter;
import io.gantry.core.snapshot.OverlaySnapshotter;
import io.gantry.core.snapshot.Snapshotter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One engine instance for one test: its own temporary data root (so its own cgroup parent), a busybox layer,
 * and a close that removes every container it ran, its cgroup parent, its run directory and its data root.
 */
final class TestEngine implements AutoCloseable {

    static final ChainId BUSYBOX = ChainId.parse("sha256:" + "b".repeat(64));

    final Path root;
    final EngineInstance instance;
    final ContainerRuntime runtime;

    private TestEngine(Path root, Snapshotter snapshotter) {
        this.root = root;
        this.instance = EngineInstance.forDataRoot(root);
        this.runtime = new ContainerRuntime(instance, snapshotter, CgroupDrivers.detect(instance.cgroupName()));
    }

    static TestEngine start() {
        return start(false);
    }

    static TestEngine start(boolean copySnapshotter) {
        Path root = newRoot(copySnapshotter);
        return new TestEngine(root, snapshotter(root, copySnapshotter));
    }

    /** A fresh temporary data root holding the busybox layer, with no engine on it yet. */
    static Path newRoot(boolean copySnapshotter) {
        try {
            Path root = Files.createTempDirectory(Path.of("/var/tmp"), "gantry-test-");
            Snapshotter s = snapshotter(root, copySnapshotter);
            Path staging = s.newStagingDir();
            BusyboxLayer.fill(staging);
            s.commitLayer(BUSYBOX, staging);
            return root;
        } catch (IOException e) {
            throw new IllegalStateException("set up test engine", e);
        }
    }

    /** A new engine on a data root another engine (perhaps in another JVM, perhaps killed) used before. */
    static TestEngine open(Path root) {
        return new TestEngine(root, snapshotter(root, false));
    }

    private static Snapshotter snapshotter(Path root, boolean copy) {
        Path snapshots = root.resolve("snapshots");
        return copy ? new CopySnapshotter(snapshots) : new OverlaySnapshotter(snapshots);
    }

    /** Closes the runtime as an engine shutdown does: its containers keep running, its data root stays. */
    void detach() {
        runtime.close();
    }

    ContainerSpec.Builder spec(String... command) {
        return ContainerSpec.builder(List.of(BUSYBOX), command);
    }

    /** Runs to exit (at most 30 s), returns exit status and output, and removes the container. */
    Result run(ContainerSpec.Builder spec) {
        String id = runtime.create(spec.build());
        try {
            runtime.start(id);
            ExitStatus exit = runtime.wait(id, Duration.ofSeconds(30)).orElseThrow();
            List<LogEntry> log = runtime.logs(id);
            return new Result(exit, text(log, "stdout"), text(log, "stderr"));
        } finally {
            runtime.delete(id, true);
        }
    }

    Result run(String... command) {
        return run(spec(command));
    }

    record Result(ExitStatus exit, String stdout, String stderr) {
        int code() {
            return exit.exitCode();
        }
    }

    private static String text(List<LogEntry> log, String stream) {
        return log.stream().filter(e -> e.stream().equals(stream)).map(LogEntry::text).collect(Collectors.joining());
    }

    @Override
    public void close() {
        for (String id : runtime.list()) {
            runtime.delete(id, true);
        }
        runtime.close();
        if (Files.exists(instance.runDir())) {
            throw new IllegalStateException("run directory left behind: " + instance.runDir()
                    + " holding " + Arrays.toString(instance.runDir().toFile().list()));
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new IllegalStateException("remove test data root " + root, e);
        }
    }
}
