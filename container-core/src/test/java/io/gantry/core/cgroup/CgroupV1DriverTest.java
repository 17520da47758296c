package io.gantry.core.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The v1 driver on this host's v1 controllers (skipped on a pure v2 host). */
class CgroupV1DriverTest extends CgroupDriverContract {

    @Override
    protected CgroupDriver open(String instanceName) {
        assumeFalse(CgroupDrivers.unified(), "a cgroup v1 host");
        return CgroupV1Driver.nestedUnderSelf(Path.of("/sys/fs/cgroup"), instanceName);
    }

    @Override
    protected void assertLimitsWritten(Cgroup cg) throws IOException {
        assertThat(read(cg, "memory", "memory.limit_in_bytes")).isEqualTo(Long.toString(64L << 20));
        assertThat(read(cg, "pids", "pids.max")).isEqualTo("42");
        assertThat(read(cg, "cpu", "cpu.cfs_quota_us")).isEqualTo("150000");
        assertThat(read(cg, "cpu", "cpu.cfs_period_us")).isEqualTo("100000");
        assertThat(read(cg, "cpu", "cpu.shares")).isEqualTo("512");
        assertThat(read(cg, "devices", "devices.list")).contains("c 1:3 rwm", "c 136:* rwm", "b *:* m").doesNotContain("a *:* rwm");
    }

    private static String read(Cgroup cg, String controller, String file) throws IOException {
        Path dir = cg.dirs().stream().filter(d -> d.startsWith("/sys/fs/cgroup/" + controller + "/")).findFirst().orElseThrow();
        return Files.readString(dir.resolve(file)).strip();
    }
}
