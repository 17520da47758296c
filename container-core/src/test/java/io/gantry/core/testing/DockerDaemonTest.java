package io.gantry.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.registry.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The dockerd fixture runs a container and leaves nothing of itself behind. */
@Privileged
class DockerDaemonTest {

    @Test
    void runsAContainerAndCleansUp() throws Exception {
        Path root;
        Path data;
        Path socket;
        long pid;
        String bridge;
        try (DockerDaemon docker = DockerDaemon.withBridge().start()) {
            bridge = docker.bridgeName();
            root = docker.root();
            data = docker.socket().getParent();
            socket = docker.socket();
            pid = docker.pid();
            Path rootfs = Files.createTempFile("gantry-busybox-", ".tar.gz");
            try {
                Files.write(rootfs, TestImages.busyboxLayer());
                docker.cli().run(0, "import", rootfs.toString(), "gantry-test/busybox:fixture");
            } finally {
                Files.delete(rootfs);
            }
            assertThat(docker.cli().run(0, "version", "--format", "{{.Server.Version}}")).startsWith("20.10");
            assertThat(docker.cli().run(0, "run", "--rm", "--pull=never", "gantry-test/busybox:fixture",
                    "sh", "-c", "ip -4 addr show eth0 | grep -o 'inet [0-9.]*'")).contains("inet " + docker.bridgePrefix());
        }
        assertThat(ProcessHandle.of(pid)).isEmpty();
        assertThat(data).doesNotExist();
        assertThat(socket).doesNotExist();
        assertThat(Path.of("/sys/class/net", bridge)).doesNotExist();
        assertThat(root).doesNotExist();
        // other daemons may run beside this one on a shared host: only this one's paths count
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(root.toString(), data.toString());
    }
}
