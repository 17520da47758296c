package io.gantry.core.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.host.HostInfo.CgroupMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostProbeTest {

    @TempDir
    Path root;

    @Test
    void reads_a_hybrid_host_from_proc_sys_and_etc() throws IOException {
        write("proc/sys/kernel/hostname", "box\n");
        write("proc/sys/kernel/osrelease", "6.18.0-test\n");
        write("proc/cpuinfo", "processor\t: 0\nmodel name\t: x\n\nprocessor\t: 1\nmodel name\t: x\n");
        write("proc/meminfo", "MemTotal:       1000 kB\nMemFree:         100 kB\nMemAvailable:    400 kB\n");
        write("proc/filesystems", "nodev\tsysfs\nnodev\toverlay\n\text4\n");
        write("proc/sys/user/max_user_namespaces", "1000\n");
        write("etc/os-release", "NAME=\"Debian GNU/Linux\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n");
        Files.createDirectories(root.resolve("sys/fs/cgroup/unified"));

        HostInfo host = probe().read();

        assertThat(host.hostname()).isEqualTo("box");
        assertThat(host.kernel()).isEqualTo("6.18.0-test");
        assertThat(host.operatingSystem()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        assertThat(host.cpus()).isEqualTo(2);
        assertThat(host.memoryTotalBytes()).isEqualTo(1000 * 1024);
        assertThat(host.memoryAvailableBytes()).isEqualTo(400 * 1024);
        assertThat(host.cgroupMode()).isEqualTo(CgroupMode.HYBRID);
        assertThat(host.cgroupMode().dockerVersion()).isEqualTo("1");
        assertThat(host.overlayfs()).isTrue();
        assertThat(host.userNamespaces()).isTrue();
    }

    @Test
    void a_unified_hierarchy_is_v2_and_plain_controllers_are_v1() throws IOException {
        Files.createDirectories(root.resolve("sys/fs/cgroup/memory"));
        assertThat(probe().cgroupMode()).isEqualTo(CgroupMode.V1);

        write("sys/fs/cgroup/cgroup.controllers", "cpu memory pids\n");
        assertThat(probe().cgroupMode()).isEqualTo(CgroupMode.V2);
        assertThat(CgroupMode.V2.dockerVersion()).isEqualTo("2");
    }

    @Test
    void reads_this_host_as_the_kernel_reports_it() throws IOException {
        HostInfo host = HostProbe.ofThisHost().read();

        assertThat(host.kernel()).isEqualTo(Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim());
        assertThat(host.cpus()).isPositive();
        assertThat(host.memoryTotalBytes()).isGreaterThan(host.memoryAvailableBytes()).isPositive();
    }

    private HostProbe probe() {
        return new HostProbe(root.resolve("proc"), root.resolve("sys"), root.resolve("etc"));
    }

    private void write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
