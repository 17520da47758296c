package io.gantry.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.content.ContentStore;
import io.gantry.core.content.FileContentStore;
import io.gantry.core.image.ImageReference;
import io.gantry.core.image.oci.MediaTypes;
import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.registry.RegistryClient;
import io.gantry.core.registry.RegistrySettings;
import io.gantry.core.registry.TestImages;
import io.gantry.core.snapshot.StorageDriver;
import io.gantry.core.testing.DockerCli;
import io.gantry.core.testing.Privileged;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
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

    static final Path IP_FORWARD = Path.of("/proc/sys/net/ipv4/ip_forward");

    @TempDir
    static Path shared;

    String ipForward;
    Path data;
    Path socketDir;
    Engine engine;

    @BeforeAll
    static void pushBusybox() throws Exception {
        RegistryClient client = new RegistryClient(RegistrySettings.onlyConfigured(Set.of(REGISTRY.host())));
        ContentStore source = FileContentStore.open(shared.resolve("source"));
        TestImages.TestImage busybox = TestImages.image(source, MediaTypes.OCI_MANIFEST, "amd64", TestImages.busyboxLayer());
        TestImages.push(client, source, ImageReference.parse(REGISTRY.host() + "/library/busybox:latest"), busybox);
    }

    void start(StorageDriver driver) throws IOException {
        ipForward = Files.readString(IP_FORWARD);
        data = Files.createTempDirectory(Path.of("/var/tmp"), "gantry-engine-storage-");
        socketDir = Files.createTempDirectory("gesd");
        engine = Engine.start(EngineConfig.forDataRoot(data).withSocket(socketDir.resolve("gantry.sock"))
                .withRegistries(List.of("http://" + REGISTRY.host()), Set.of(), true).withStorageDriver(driver));
    }

    @AfterEach
    void stop() throws IOException, InterruptedException {
        for (String id : docker(0, "ps", "-aq").strip().lines().toList()) {
            docker(0, "rm", "-f", id);
        }
        engine.removeHostState();
        engine.close();
        Files.writeString(IP_FORWARD, ipForward);
        for (Path root : List.of(data, socketDir)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void vfs_chosen_on_a_host_with_overlayfs_runs_containers_on_copied_root_filesystems() throws Exception {
        start(StorageDriver.VFS);
        assertThat(docker(0, "info", "--format", "{{.Driver}}").strip()).isEqualTo("vfs");
        docker(0, "pull", "busybox");

        String out = docker(0, "run", "--name", "copied", "--network", "none", "busybox", "sh", "-c",
                "echo written > /etc/motd; cat /etc/motd; grep ' / ' /proc/self/mounts | cut -d' ' -f3");

        assertThat(out).startsWith("written\n").doesNotContain("overlay");
        assertThat(docker(0, "inspect", "--format", "{{.Driver}}", "copied").strip()).isEqualTo("vfs");
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(data.toString());
    }

    @Test
    void overlay2_chosen_runs_containers_on_overlayfs() throws Exception {
        start(StorageDriver.OVERLAY2);
        assertThat(docker(0, "info", "--format", "{{.Driver}}").strip()).isEqualTo("overlay2");
        docker(0, "pull", "busybox");

        String out = docker(0, "run", "--name", "layered", "--network", "none", "busybox", "sh", "-c",
                "grep ' / ' /proc/self/mounts | cut -d' ' -f3");

        assertThat(out.strip()).isEqualTo("overlay");
        assertThat(docker(0, "inspect", "--format", "{{.Driver}}", "layered").strip()).isEqualTo("overlay2");
    }

    private String docker(int expectedExit, String... args) throws IOException, InterruptedException {
        return new DockerCli(engine.socket(), data.resolve("docker-config")).run(expectedExit, args);
    }
}
