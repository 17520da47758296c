package io.gantry.core.runtime;

import static io.gantry.core.runtime.EngineRestartTest.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.cgroup.CgroupStats;
import io.gantry.core.cgroup.Resources;
import io.gantry.core.testing.Privileged;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@Privileged
class StatsTest {

    /** 24 MiB in tmpfs (charged as memory, not reclaimable cache), a file synced to disk, then a busy loop. */
    private static final String BUSY = "head -c 25165824 /dev/zero > /dev/shm/hog; dd if=/dev/zero of=/data bs=64k count=64 conv=fsync 2>/dev/null;"
            + " echo ready; while :; do :; done";

    @Test
    void a_busy_container_reports_cpu_memory_pids_and_host_figures() {
        try (TestEngine engine = TestEngine.start()) {
            ContainerRuntime rt = engine.runtime;
            String id = rt.create(engine.spec("sh", "-c", BUSY)
                    .resources(Resources.defaults().withMemory(256L << 20).withPidsLimit(50)).build(), "busy");
            rt.start(id);
            awaitTrue(() -> rt.logs(id).size() == 1, Duration.ofSeconds(20));
            ContainerStats first = rt.stats(id);
            ContainerLifecycleTest.sleepMs(300);
            ContainerStats second = rt.stats(id);

            CgroupStats.Cpu cpu = second.cgroup().cpu();
            assertThat(second.name()).isEqualTo("busy");
            assertThat(cpu.totalNanos()).isGreaterThan(first.cgroup().cpu().totalNanos());
            assertThat(cpu.userNanos() + cpu.kernelNanos()).isPositive();
            assertThat(second.systemCpuNanos()).isGreaterThan(first.systemCpuNanos());
            assertThat(second.onlineCpus()).isEqualTo(Runtime.getRuntime().availableProcessors());
            if (!cpu.perCpuNanos().isEmpty()) { // v1 only, as in Docker
                assertThat(cpu.perCpuNanos().stream().mapToLong(Long::longValue).sum()).isPositive();
            }
            CgroupStats.Memory memory = second.cgroup().memory();
            assertThat(memory.workingSetBytes()).isGreaterThan(20L << 20);
            assertThat(memory.limitBytes()).isEqualTo(256L << 20);
            assertThat(memory.stat()).isNotEmpty();
            assertThat(second.cgroup().pids().current()).isPositive();
            assertThat(second.cgroup().pids().limit()).isEqualTo(50);
            System.out.println("StatsTest: blkio " + second.cgroup().blkio() + ", working set " + memory.workingSetBytes());

            rt.stop(id, Duration.ZERO);
            assertThat(rt.stats(id).cgroup()).isEqualTo(CgroupStats.none());
        }
    }
}
