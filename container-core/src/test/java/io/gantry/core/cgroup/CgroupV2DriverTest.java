package io.gantry.core.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The v2 driver on a pure cgroup v2 hierarchy: skipped on this hybrid host, run inside {@code cgroup2-guest}
 * by {@code src/test/cgroup2/run-in-guest.sh}.
 */
class CgroupV2DriverTest extends CgroupDriverContract {

    private static final Path ROOT = Path.of("/sys/fs/cgroup");

    @Override
    protected CgroupDriver open(String instanceName) {
        assumeTrue(CgroupDrivers.unified(), "a pure cgroup v2 host (run src/test/cgroup2/run-in-guest.sh)");
        return CgroupV2Driver.nestedUnderSelf(ROOT, instanceName);
    }

    @Override
    protected void assertLimitsWritten(Cgroup cg) throws IOException {
        assertThat(cg.dirs()).hasSize(1);
        assertThat(read(cg, "memory.max")).isEqualTo(Long.toString(64L << 20));
        assertThat(read(cg, "memory.swap.max")).isEqualTo(Long.toString(64L << 20)); // Docker: as much swap as memory
        assertThat(read(cg, "cpu.max")).isEqualTo("150000 100000");
        assertThat(read(cg, "cpu.weight")).isEqualTo("20");
        assertThat(read(cg, "pids.max")).isEqualTo("42");
        assertThat(cg.oomCounter()).contains(cg.dirs().get(0).resolve("memory.events"));
    }

    @Test
    void an_engine_in_a_cgroup_of_its_own_moves_into_a_leaf_and_nests_instances_beside_it() throws IOException {
        Path own = ROOT.resolve("gantry-test-engine-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectory(own);
        Files.writeString(own.resolve("cgroup.procs"), Long.toString(ProcessHandle.current().pid()));
        try (CgroupDriver nested = CgroupV2Driver.nestedUnderSelf(ROOT, instance + "-n")) {
            assertThat(Files.readString(Path.of("/proc/self/cgroup"))).contains("0::/" + own.getFileName() + "/" + CgroupV2Driver.ENGINE_LEAF);
            assertThat(Files.readString(own.resolve("cgroup.subtree_control"))).contains("memory", "pids", "cpu");
            Cgroup cg = nested.create("c", LIMITS);
            assertThat(cg.dirs().get(0)).isEqualTo(own.resolve(instance + "-n").resolve("c"));
            nested.destroy(cg);
        } finally {
            Files.writeString(ROOT.resolve("cgroup.procs"), Long.toString(ProcessHandle.current().pid()));
            Files.deleteIfExists(own.resolve(instance + "-n"));
            Files.deleteIfExists(own.resolve(CgroupV2Driver.ENGINE_LEAF));
            Files.deleteIfExists(own);
        }
    }

    @Test
    void the_device_program_lets_a_member_open_dev_null_but_not_a_block_device() throws Exception {
        Cgroup cg = driver.create("devices", Resources.defaults());
        Path dir = Files.createTempDirectory("gantry-devices");
        Process p = new ProcessBuilder("/bin/sh", "-c", "read go; mknod " + dir + "/disk b 8 0 || exit 9; "
                + "head -c 1 " + dir + "/disk; echo disk=$?; head -c 1 /dev/null; echo null=$?")
                .redirectErrorStream(true).start();
        try {
            Files.writeString(cg.procsFiles().get(0), Long.toString(p.pid()));
            p.getOutputStream().write('\n');
            p.getOutputStream().flush();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            assertThat(out).contains("Operation not permitted", "disk=1", "null=0");
        } finally {
            p.destroyForcibly();
            p.waitFor();
            Files.deleteIfExists(dir.resolve("disk"));
            Files.deleteIfExists(dir);
            driver.destroy(cg);
        }
    }

    private static String read(Cgroup cg, String file) throws IOException {
        return Files.readString(cg.dirs().get(0).resolve(file)).strip();
    }
}
