package io.gantry.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.testing.Privileged;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Create/start/wait/remove cycles leave no mount, cgroup directory, shim process or engine fd behind. */
@Privileged
class LeakTest {

    private static final int CYCLES = 30;

    @Test
    void repeated_container_runs_leave_nothing_behind() throws IOException {
        try (TestEngine engine = TestEngine.start()) {
            engine.run("true"); // warm up: shim extracted, JDK process machinery loaded
            Snapshot before = Snapshot.take(engine);
            long t0 = System.nanoTime();
            for (int i = 0; i < CYCLES; i++) {
                assertThat(engine.run("true").code()).isZero();
            }
            long perRunUs = (System.nanoTime() - t0) / CYCLES / 1000;
            System.out.println("LeakTest: create+start+wait+remove of /bin/true: " + perRunUs + " us per run (mean)");
            assertThat(Snapshot.take(engine)).isEqualTo(before);
        }
    }

    record Snapshot(long mounts, long containerCgroups, long shims, long engineFds, long containerDirs) {
        static Snapshot take(TestEngine engine) throws IOException {
            return new Snapshot(
                    Files.readAllLines(Path.of("/proc/self/mountinfo")).size(),
                    countCgroupChildren(engine),
                    countShims(),
                    count(Path.of("/proc/self/fd")),
                    count(engine.root.resolve("containers")));
        }

        private static long countCgroupChildren(TestEngine engine) throws IOException {
            long n = 0;
            try (Stream<Path> mounts = Files.list(Path.of("/sys/fs/cgroup"))) {
                for (Path m : mounts.toList()) {
                    try (Stream<Path> found = Files.find(m, 6, (p, a) -> a.isDirectory()
                            && p.getParent() != null && p.getParent().getFileName() != null
                            && p.getParent().getFileName().toString().equals(engine.instance.cgroupName()))) {
                        n += found.count();
                    }
                }
            }
            return n;
        }

        private static long countShims() throws IOException {
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                return procs.filter(p -> p.getFileName().toString().matches("[0-9]+")).filter(p -> {
                    try {
                        return Files.readSymbolicLink(p.resolve("exe")).toString().startsWith("/memfd:gantry-shim");
                    } catch (IOException | SecurityException e) {
                        return false;
                    }
                }).count();
            }
        }

        private static long count(Path dir) throws IOException {
            try (Stream<Path> s = Files.list(dir)) {
                return s.count();
            }
        }
    }
}
