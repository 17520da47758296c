package io.gantry.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.snapshot.StorageDriver;
import io.gantry.core.testing.Privileged;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage setting chooses the snapshotter: an engine started with {@code --storage-driver vfs} on a host that
 * has overlayfs says so in {@code docker info} and runs containers on copied root filesystems.
 */
@Privileged
class EngineStorageDriverTest {

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    static Path shared;

    CliEngine engine;

    @BeforeAll
    static void pushBusybox() throws Exception {
        CliEngine.pushBusybox(REGISTRY, shared);
    }

    @AfterEach
    void stop() throws IOException, InterruptedException {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void vfs_chosen_on_a_host_with_overlayfs_runs_containers_on_copied_root_filesystems() throws Exception {
        engine = CliEngine.start(REGISTRY, c -> c.withStorageDriver(StorageDriver.VFS));
        assertThat(docker(0, "info", "--format", "{{.Driver}}").strip()).isEqualTo("vfs");
        docker(0, "pull", "busybox");

        String out = docker(0, "run", "--name", "copied", "--network", "none", "busybox", "sh", "-c",
                "echo written > /etc/motd; cat /etc/motd; grep ' / ' /proc/self/mounts | cut -d' ' -f3");

        assertThat(out).startsWith("written\n").doesNotContain("overlay");
        assertThat(docker(0, "inspect", "--format", "{{.Driver}}", "copied").strip()).isEqualTo("vfs");
    }

    @Test
    void overlay2_chosen_runs_containers_on_overlayfs() throws Exception {
        engine = CliEngine.start(REGISTRY, c -> c.withStorageDriver(StorageDriver.OVERLAY2));
        assertThat(docker(0, "info", "--format", "{{.Driver}}").strip()).isEqualTo("overlay2");
        docker(0, "pull", "busybox");

        String out = docker(0, "run", "--name", "layered", "--network", "none", "busybox", "sh", "-c",
                "grep ' / ' /proc/self/mounts | cut -d' ' -f3");

        assertThat(out.strip()).isEqualTo("overlay");
        assertThat(docker(0, "inspect", "--format", "{{.Driver}}", "layered").strip()).isEqualTo("overlay2");
    }

    private String docker(int expectedExit, String... args) throws IOException, InterruptedException {
        return engine.docker(expectedExit, args);
    }
}
