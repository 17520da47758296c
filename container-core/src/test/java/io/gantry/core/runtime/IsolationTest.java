package io.gantry.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.core.testing.Privileged;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@Privileged
class IsolationTest {

    /** Docker's default set: CHOWN DAC_OVERRIDE FOWNER FSETID KILL SETGID SETUID SETPCAP NET_BIND_SERVICE NET_RAW SYS_CHROOT MKNOD AUDIT_WRITE SETFCAP. */
    private static final String DOCKER_DEFAULT_CAPS = "00000000a80425fb";

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
    void the_command_is_pid_1_and_host_processes_are_invisible() {
        assertThat(engine.run("sh", "-c", "echo $$").stdout()).isEqualTo("1\n");
        int visible = Integer.parseInt(engine.run("sh", "-c", "ls /proc | grep -c '^[0-9]'").stdout().strip());
        assertThat(visible).isBetween(1, 3); // sh, ls, grep
    }

    @Test
    void the_container_has_its_own_hostname_and_only_a_loopback_interface_that_is_up() {
        TestEngine.Result r = engine.run(engine.spec("sh", "-c", "hostname; ls /sys/class/net; cat /sys/class/net/lo/flags")
                .hostname("box"));
        assertThat(r.stdout()).isEqualTo("box\nlo\n0x9\n");
    }

    @Test
    void the_mount_table_is_the_containers_own_and_mount_is_refused() {
        TestEngine.Result r = engine.run("sh", "-c", "cut -d' ' -f2 /proc/self/mounts");
        List<String> points = r.stdout().lines().toList();
        assertThat(points).contains("/", "/proc", "/dev", "/dev/pts", "/dev/shm", "/dev/mqueue", "/sys")
                .doesNotContain("/work", "/var/tmp", "/sys/fs/cgroup/memory");
        assertThat(engine.run("mount", "-t", "tmpfs", "t", "/mnt").code()).isNotZero();
    }

    @Test
    void sys_and_proc_sys_are_read_only_and_sensitive_proc_files_are_masked() {
        assertThat(engine.run("sh", "-c", "echo 1 > /sys/kernel/profiling").code()).isNotZero();
        assertThat(engine.run("sh", "-c", "echo x > /proc/sys/kernel/hostname").stderr()).contains("Read-only file system");
        assertThat(engine.run("sh", "-c", "test -c /proc/timer_list && wc -c < /proc/timer_list").stdout()).isEqualTo("0\n");
        assertThat(engine.run("sh", "-c", "[ ! -e /proc/kcore ] || [ -c /proc/kcore ]").code()).isZero(); // absent on some kernels
        assertThat(engine.run("sh", "-c", "ls /sys/firmware | wc -l").stdout()).isEqualTo("0\n");
    }

    @Test
    void a_block_device_can_be_created_but_not_opened() {
        TestEngine.Result r = engine.run("sh", "-c", "mknod /tmp/disk b 8 0 && head -c 1 /tmp/disk");
        assertThat(r.code()).isNotZero();
        assertThat(r.stderr()).contains("Operation not permitted");
    }

    @Test
    void a_privileged_container_may_open_a_block_device() {
        TestEngine.Result r = engine.run(engine.spec("sh", "-c", "mknod /tmp/disk b 8 0 && head -c 1 /tmp/disk >/dev/null")
                .privileged(true));
        assertThat(r.stderr()).doesNotContain("Operation not permitted"); // read, or ENXIO where no disk 8:0 exists
    }

    @Test
    void the_capabilities_are_dockers_defaults_with_empty_inheritable_and_ambient_sets() {
        String status = engine.run("grep", "^Cap", "/proc/self/status").stdout();
        assertThat(status).contains("CapEff:\t" + DOCKER_DEFAULT_CAPS, "CapPrm:\t" + DOCKER_DEFAULT_CAPS,
                "CapBnd:\t" + DOCKER_DEFAULT_CAPS, "CapInh:\t0000000000000000", "CapAmb:\t0000000000000000");
    }

    @Test
    void cap_drop_all_leaves_no_effective_capability() {
        String status = engine.run(engine.spec("grep", "^Cap", "/proc/self/status").capDropAll()).stdout();
        assertThat(status).contains("CapEff:\t0000000000000000", "CapBnd:\t0000000000000000");
    }

    @Test
    void a_non_root_user_holds_no_capability() {
        String status = engine.run(engine.spec("grep", "^CapEff", "/proc/self/status").user(1000, 1000)).stdout();
        assertThat(status).isEqualTo("CapEff:\t0000000000000000\n");
    }

    @Test
    void no_new_privs_is_set_only_when_asked_for() {
        assertThat(engine.run("grep", "^NoNewPrivs", "/proc/self/status").stdout()).isEqualTo("NoNewPrivs:\t0\n");
        assertThat(engine.run(engine.spec("grep", "^NoNewPrivs", "/proc/self/status").noNewPrivileges(true)).stdout())
                .isEqualTo("NoNewPrivs:\t1\n");
    }

    @Test
    void pid_1_holds_no_file_descriptor_beyond_0_to_2() throws IOException {
        String id = engine.runtime.create(engine.spec("sleep", "30").build());
        engine.runtime.start(id);
        long pid = engine.runtime.inspect(id).initPid();
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            assertThat(fds.map(p -> p.getFileName().toString()).sorted()).containsExactly("0", "1", "2");
        } finally {
            engine.runtime.delete(id, true);
        }
    }

    @Test
    void the_monitor_runs_from_a_sealed_memfd_that_cannot_be_written() throws IOException {
        String id = engine.runtime.create(engine.spec("sleep", "30").build());
        engine.runtime.start(id);
        long monitor = engine.runtime.inspect(id).monitorPid();
        try {
            Path exe = Path.of("/proc/" + monitor + "/exe");
            assertThat(Files.readSymbolicLink(exe).toString()).startsWith("/memfd:gantry-shim");
            assertThatThrownBy(() -> {
                try (var out = Files.newOutputStream(exe, StandardOpenOption.WRITE)) {
                    out.write(new byte[] {0});
                }
            }).isInstanceOf(IOException.class);
        } finally {
            engine.runtime.stop(id, Duration.ZERO);
            engine.runtime.delete(id, true);
        }
    }

    static long[] ids(String s) {
        return Arrays.stream(s.trim().split("\\s+")).mapToLong(Long::parseLong).toArray();
    }
}
