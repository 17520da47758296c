package io.gantry.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.testing.Privileged;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --privileged} as Docker means it: every capability the engine holds, no seccomp filter, nothing masked or
 * read-only in {@code /proc} and {@code /sys}, every device allowed and the host's device nodes in {@code /dev}.
 */
@Privileged
class PrivilegedContainerTest {

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
    void a_privileged_container_holds_every_capability_of_the_engine_and_no_seccomp_filter() throws IOException {
        String status = engine.run(engine.spec("grep", "-E", "^(CapEff|CapBnd|Seccomp):", "/proc/self/status")
                .privileged(true)).stdout();
        String engineCaps = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("CapBnd:")).findFirst().orElseThrow().substring(7).strip();
        assertThat(status).contains("CapEff:\t" + engineCaps, "CapBnd:\t" + engineCaps, "Seccomp:\t0");
        assertThat(engine.run("grep", "^Seccomp:", "/proc/self/status").stdout()).isEqualTo("Seccomp:\t2\n");
    }

    @Test
    void proc_and_sys_are_neither_masked_nor_read_only() throws IOException {
        TestEngine.Result r = engine.run(engine.spec("sh", "-c",
                "grep -E ' /sys | /proc/sys | /proc/kcore ' /proc/self/mounts | cut -d' ' -f2,4 | cut -d, -f1; "
                        + "[ ! -e /proc/kcore ] || [ ! -c /proc/kcore ] && echo kcore-unmasked; ls /sys/firmware | wc -l")
                .privileged(true));
        assertThat(r.stdout()).startsWith("/sys rw\nkcore-unmasked\n");
        assertThat(r.stdout().lines().toList().get(2)).isEqualTo(Integer.toString(entries(Path.of("/sys/firmware"))));
    }

    private static int entries(Path dir) throws IOException {
        try (var list = Files.list(dir)) {
            return (int) list.count();
        }
    }

    @Test
    void the_hosts_device_nodes_are_in_dev_and_may_be_opened() {
        TestEngine.Result r = engine.run(engine.spec("sh", "-c",
                "stat -c '%t:%T' /dev/kmsg; dd if=/dev/kmsg of=/dev/null bs=8192 count=1 2>/dev/null && echo kmsg-read; "
                        + "[ -L /dev/ptmx ] && echo ptmx-link; ls /dev/loop-control /dev/net/tun 2>/dev/null")
                .privileged(true));
        assertThat(r.stdout()).startsWith("1:b\nkmsg-read\nptmx-link\n");
        if (Files.exists(Path.of("/dev/loop-control"))) {
            assertThat(r.stdout()).contains("/dev/loop-control\n");
        }
        if (Files.exists(Path.of("/dev/net/tun"))) {
            assertThat(r.stdout()).contains("/dev/net/tun\n");
        }
    }

    @Test
    void a_default_container_has_no_host_device_and_may_not_open_one_it_creates() {
        TestEngine.Result r = engine.run("sh", "-c", "ls /dev/kmsg /dev/loop-control; mknod /tmp/kmsg c 1 11 && head -c 1 /tmp/kmsg");
        assertThat(r.stderr()).contains("/dev/kmsg: No such file", "/dev/loop-control: No such file",
                "/tmp/kmsg: Operation not permitted");
    }
}
