package io.gantry.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.cgroup.CgroupDrivers;
import io.gantry.core.cgroup.CgroupV2Driver;
import io.gantry.core.cgroup.Resources;
import io.gantry.core.testing.Privileged;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@Privileged
class ResourceLimitsTest {

    private TestEngine engine;

    @BeforeEach
    void start() {
        engine = TestEngine.start();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void a_memory_hog_is_oom_killed_with_exit_code_137_and_the_oom_flag() {
        TestEngine.Result r = engine.run(engine.spec("probe", "hog")
                .resources(Resources.defaults().withMemory(32L << 20)));
        assertThat(r.exit().exitCode()).isEqualTo(137);
        assertThat(r.exit().oomKilled()).isTrue();
    }

    @Test
    void a_container_that_exits_normally_carries_no_oom_flag() {
        TestEngine.Result r = engine.run(engine.spec("true").resources(Resources.defaults().withMemory(32L << 20)));
        assertThat(r.exit().oomKilled()).isFalse();
    }

    @Test
    void a_fork_bomb_stops_at_the_pids_limit() throws IOException {
        String id = engine.runtime.create(engine.spec("sh", "-c", "(for i in $(seq 1 40); do sleep 20 & done); exec sleep 20")
                .resources(Resources.defaults().withPidsLimit(10)).build());
        engine.runtime.start(id);
        try {
            Path pids = cgroupDir("pids", id);
            assertThat(Files.readString(pids.resolve("pids.max")).strip()).isEqualTo("10");
            awaitLog(id, "can't fork");
            // The forking subshell gave up at the limit; its sleeps and the container's init remain.
            assertThat(engine.runtime.stats(id).cgroup().pids().current()).isBetween(8L, 10L);
            assertThat(engine.run("true").code()).isZero(); // the host, and other containers, still fork
        } finally {
            engine.runtime.stop(id, Duration.ZERO);
        }
    }

    @Test
    void half_a_cpu_throttles_a_busy_loop_to_at_most_0_575_cpu() throws IOException {
        double clockFactor = cpuClockFactor();
        String id = engine.runtime.create(engine.spec("sh", "-c", "while :; do :; done")
                .resources(Resources.defaults().withNanoCpus(500_000_000L)).build());
        engine.runtime.start(id);
        try {
            Path cpu = cgroupDir("cpu", id);
            if (CgroupDrivers.unified()) {
                assertThat(Files.readString(cpu.resolve("cpu.max")).strip()).isEqualTo("50000 100000");
            } else {
                assertThat(Files.readString(cpu.resolve("cpu.cfs_quota_us")).strip()).isEqualTo("50000");
                assertThat(Files.readString(cpu.resolve("cpu.cfs_period_us")).strip()).isEqualTo("100000");
            }
            ContainerLifecycleTest.sleepMs(200);
            long[] first = usageAt(id);
            ContainerLifecycleTest.sleepMs(2000);
            long[] second = usageAt(id);
            assertThat((double) (second[0] - first[0]) / (second[1] - first[1]) / clockFactor).isLessThanOrEqualTo(0.575);
            // On a loaded host the loop may get less than its quota for a while: throttling shows up later.
            EngineRestartTest.awaitTrue(() -> engine.runtime.stats(id).cgroup().cpu().throttledPeriods() > 0, Duration.ofSeconds(10));
        } finally {
            engine.runtime.stop(id, Duration.ZERO);
        }
    }

    /**
     * How fast the kernel's CPU-time clock runs against the monotonic clock, from this thread spinning for 200 ms:
     * 1 on real hardware, about 1.2 in the cgroup v2 guest (software emulation: its TSC runs fast against its HPET,
     * so a busy loop there seems to use 1.2 CPUs). Never below 1, which is what a busy host makes of it.
     */
    private static double cpuClockFactor() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 200_000_000L) {
            Thread.onSpinWait();
        }
        return Math.max(1.0, (double) (threads.getCurrentThreadCpuTime() - cpu0) / (System.nanoTime() - t0));
    }

    /**
     * CPU nanoseconds used and the time they were read at, taken as the middle of the read: reading stats takes a
     * while under emulation (the cgroup v2 guest), and a reading time off by that much skews a short window.
     */
    private long[] usageAt(String id) {
        long before = System.nanoTime();
        long used = engine.runtime.stats(id).cgroup().cpu().totalNanos();
        return new long[] {used, before + (System.nanoTime() - before) / 2};
    }

    /** The container's cgroup directory: the v1 {@code controller}'s, or the one v2 directory. */
    private Path cgroupDir(String controller, String id) throws IOException {
        if (CgroupDrivers.unified()) {
            String own = Files.readAllLines(Path.of("/proc/self/cgroup")).stream().filter(l -> l.startsWith("0::"))
                    .map(l -> l.substring(3)).findFirst().orElseThrow().replaceFirst("/?" + CgroupV2Driver.ENGINE_LEAF + "$", "");
            return Path.of("/sys/fs/cgroup", own, engine.instance.cgroupName(), id);
        }
        String own = Files.readAllLines(Path.of("/proc/self/cgroup")).stream()
                .map(l -> l.split(":", 3)).filter(f -> java.util.List.of(f[1].split(",")).contains(controller))
                .map(f -> f[2]).findFirst().orElseThrow();
        return Path.of("/sys/fs/cgroup", controller, own, engine.instance.cgroupName(), id);
    }

    private void awaitLog(String id, String text) {
        for (int i = 0; i < 100; i++) {
            if (engine.runtime.logs(id).stream().anyMatch(e -> e.text().contains(text))) {
                return;
            }
            ContainerLifecycleTest.sleepMs(50);
        }
        throw new AssertionError("no log line with \"" + text + "\": " + engine.runtime.logs(id));
    }
}
