package io.gantry.console.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostFactsReaderTest {

    @TempDir
    Path root;

    @Test
    void reads_a_hybrid_host_from_proc_and_sys() throws IOException {
        write("proc/sys/kernel/hostname", "box\n");
        write("proc/sys/kernel/osrelease", "6.18.0-test\n");
        write("proc/cpuinfo", "processor\t: 0\nmodel name\t: x\n\nprocessor\t: 1\nmodel name\t: x\n");
        write("proc/meminfo", "MemTotal:       1000 kB\nMemFree:         100 kB\nMemAvailable:    400 kB\n");
        write("proc/filesystems", "nodev\tsysfs\nnodev\toverlay\n\text4\n");
        write("proc/sys/user/max_user_namespaces", "1000\n");
        Files.createDirectories(root.resolve("sys/fs/cgroup/unified"));

        HostFacts facts = new HostFactsReader(root.resolve("proc"), root.resolve("sys")).read(root.resolve("data/not/yet"));

        assertThat(facts.hostname()).isEqualTo("box");
        assertThat(facts.kernel()).isEqualTo("6.18.0-test");
        assertThat(facts.cpus()).isEqualTo(2);
        assertThat(facts.memoryTotalBytes()).isEqualTo(1000 * 1024);
        assertThat(facts.memoryUsedBytes()).isEqualTo(600 * 1024);
        assertThat(facts.cgroupMode()).isEqualTo("hybrid");
        assertThat(facts.overlayfs()).isTrue();
        assertThat(facts.userNamespaces()).isTrue();
        assertThat(facts.diskFreeBytes()).isPositive();
    }

    @Test
    void a_unified_hierarchy_is_v2_and_plain_controllers_are_v1() throws IOException {
        HostFactsReader reader = new HostFactsReader(root.resolve("proc"), root.resolve("sys"));
        Files.createDirectories(root.resolve("sys/fs/cgroup/memory"));
        assertThat(reader.cgroupMode()).isEqualTo("v1");

        write("sys/fs/cgroup/cgroup.controllers", "cpu memory pids\n");
        assertThat(reader.cgroupMode()).isEqualTo("v2");
    }

    @Test
    void reads_this_host_like_the_kernel_reports_it() throws IOException {
        HostFacts facts = HostFactsReader.ofThisHost().read(Path.of("/"));

        assertThat(facts.kernel()).isEqualTo(Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim());
        assertThat(facts.cpus()).isPositive();
        assertThat(facts.memoryTotalBytes()).isGreaterThan(facts.memoryUsedBytes()).isPositive();
    }

    private void write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
