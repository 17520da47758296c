package io.gantry.core.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.core.errors.EngineException;
import io.gantry.core.testing.Privileged;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CgroupDriver} does, on the real hierarchy of the host (or guest) it runs on. Each
 * implementation's test supplies the driver and checks the files its hierarchy writes the limits to.
 */
@Privileged
abstract class CgroupDriverContract {

    /** 64 MiB, 1.5 CPUs, shares 512, 42 pids. */
    static final Resources LIMITS = Resources.defaults().withMemory(64L << 20).withNanoCpus(1_500_000_000L)
            .withCpuShares(512).withPidsLimit(42);

    protected final String instance = "gantry-test-" + UUID.randomUUID().toString().substring(0, 8);
    protected @Nullable CgroupDriver driver;
    private @Nullable Cgroup cgroup;
    private @Nullable Process process;
    private Path counter;

    /** The driver for this host's hierarchy, its instance parent named {@code instanceName}. */
    protected abstract CgroupDriver open(String instanceName);

    /** Asserts that {@link #LIMITS} are in the cgroup's files, in this hierarchy's units. */
    protected abstract void assertLimitsWritten(Cgroup cg) throws IOException;

    @BeforeEach
    void openDriver() throws IOException {
        driver = open(instance);
        counter = Files.createTempFile("gantry-cgroup-counter", ".txt");
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (driver == null) {
            return; // skipped: not this host's hierarchy
        }
        try {
            if (cgroup != null) {
                driver.freeze(cgroup, false);
            }
            if (process != null) {
                process.destroyForcibly(); // by its own pid: a child of this JVM
                process.waitFor(10, TimeUnit.SECONDS);
            }
            if (cgroup != null) {
                driver.destroy(cgroup);
            }
        } finally {
            driver.close();
            Files.deleteIfExists(counter);
        }
    }

    @Test
    void create_writes_the_limits_and_destroy_and_close_remove_every_directory() throws IOException {
        Cgroup cg = driver.create("c1", LIMITS);
        cgroup = cg;
        assertLimitsWritten(cg);
        assertThat(driver.stats(cg).pids()).isEqualTo(new CgroupStats.Pids(0, 42));
        assertThat(driver.stats(cg).memory().limitBytes()).isEqualTo(64L << 20);
        driver.destroy(cg);
        cgroup = null;
        assertThat(cg.dirs()).allSatisfy(d -> assertThat(d).doesNotExist());
        driver.close();
        assertThat(cg.dirs()).allSatisfy(d -> assertThat(d.getParent()).doesNotExist());
    }

    @Test
    void find_returns_a_cgroup_left_behind_and_nothing_for_an_unknown_name() {
        Cgroup cg = driver.create("left", Resources.defaults());
        cgroup = cg;
        try (CgroupDriver again = open(instance)) {
            assertThat(again.find("left")).get().extracting(Cgroup::dirs).isEqualTo(cg.dirs());
            assertThat(again.find("unknown")).isEmpty();
        }
    }

    @Test
    void a_process_that_joined_is_listed_and_measured() throws Exception {
        Cgroup cg = joinCounter();
        assertThat(driver.pids(cg)).contains(process.pid());
        long before = driver.stats(cg).cpu().totalNanos();
        awaitCounterAbove(counterValue() + 100);
        CgroupStats stats = driver.stats(cg);
        assertThat(stats.cpu().totalNanos()).isGreaterThan(before);
        // User and system time come in clock ticks (10 ms on v1): a short busy spell may not have filled one yet.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (stats.cpu().userNanos() + stats.cpu().kernelNanos() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            stats = driver.stats(cg);
        }
        assertThat(stats.cpu().userNanos() + stats.cpu().kernelNanos()).isPositive();
        assertThat(stats.memory().usageBytes()).isPositive();
        assertThat(stats.pids().current()).isPositive();
    }

    @Test
    void freeze_stops_every_process_and_thaw_lets_them_carry_on() throws Exception {
        Cgroup cg = joinCounter();
        awaitCounterAbove(2);
        driver.freeze(cg, true);
        long frozenAt = counterValue();
        Thread.sleep(300);
        assertThat(counterValue()).isEqualTo(frozenAt);
        driver.freeze(cg, false);
        awaitCounterAbove(frozenAt + 2);
    }

    @Test
    void apply_changes_the_limits_of_a_live_cgroup() {
        Cgroup cg = driver.create("c2", Resources.defaults());
        cgroup = cg;
        driver.apply(cg, Resources.defaults().withPidsLimit(7).withMemory(32L << 20));
        assertThat(driver.stats(cg).pids().limit()).isEqualTo(7);
        assertThat(driver.stats(cg).memory().limitBytes()).isEqualTo(32L << 20);
        driver.apply(cg, Resources.defaults());
        assertThat(driver.stats(cg).pids().limit()).isZero();
    }

    @Test
    void a_busy_cgroup_cannot_be_destroyed() throws Exception {
        Cgroup cg = joinCounter();
        assertThatThrownBy(() -> driver.destroy(cg)).isInstanceOf(EngineException.class);
    }

    /** A shell counting as fast as it can into {@link #counter}, moved into a new cgroup. */
    private Cgroup joinCounter() throws IOException {
        Cgroup cg = driver.create("busy", Resources.defaults());
        cgroup = cg;
        process = new ProcessBuilder("/bin/sh", "-c", "i=0; while :; do i=$((i+1)); echo $i > " + counter + "; done").start();
        for (Path procs : cg.procsFiles()) {
            Files.writeString(procs, Long.toString(process.pid()));
        }
        return cg;
    }

    private long counterValue() throws IOException {
        String s = Files.readString(counter).strip();
        return s.isEmpty() ? 0 : Long.parseLong(s);
    }

    private void awaitCounterAbove(long n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (counterValue() <= n) {
            assertThat(System.nanoTime()).as("counter above " + n).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
