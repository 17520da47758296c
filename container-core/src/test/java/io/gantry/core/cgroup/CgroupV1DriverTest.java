package io.gantry.core.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.testing.Privileged;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@Privileged
class CgroupV1DriverTest {

    private final String instance = "gantry-test-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void create_writes_the_limits_and_destroy_and_close_remove_every_directory() throws IOException {
        Cgroup cg;
        try (CgroupDriver driver = CgroupDrivers.detect(instance)) {
            Resources r = Resources.defaults().withMemory(64L << 20).withNanoCpus(1_500_000_000L).withPidsLimit(42);
            cg = driver.create("c1", r);
            Path memory = dirOf(cg, "memory");
            assertThat(Files.readString(memory.resolve("memory.limit_in_bytes")).strip()).isEqualTo(Long.toString(64L << 20));
            assertThat(Files.readString(dirOf(cg, "pids").resolve("pids.max")).strip()).isEqualTo("42");
            assertThat(Files.readString(dirOf(cg, "cpu").resolve("cpu.cfs_quota_us")).strip()).isEqualTo("150000");
            assertThat(Files.readString(dirOf(cg, "devices").resolve("devices.list")))
                    .contains("c 1:3 rwm", "c 136:* rwm", "b *:* m").doesNotContain("a *:* rwm");
            CgroupStats stats = driver.stats(cg);
            assertThat(stats.pids().current()).isZero();
            assertThat(stats.pids().limit()).isEqualTo(42);
            assertThat(stats.memory().limitBytes()).isEqualTo(64L << 20);
            driver.destroy(cg);
            assertThat(cg.dirs()).allSatisfy(d -> assertThat(d).doesNotExist());
        }
        assertThat(cg.dirs()).allSatisfy(d -> assertThat(d.getParent()).doesNotExist());
    }

    private static Path dirOf(Cgroup cg, String controller) {
        return cg.dirs().stream().filter(d -> d.startsWith("/sys/fs/cgroup/" + controller + "/")).findFirst().orElseThrow();
    }
}
