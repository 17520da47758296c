package io.gantry.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.archive.TarBuilder;
import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.registry.TestImages;
import io.gantry.core.testing.Privileged;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker save}, {@code load} and {@code import} through the stock docker CLI: a save loads into a fresh engine
 * as the same image, an archive skopeo made from the loopback registry loads and runs, an imported rootfs runs with its
 * {@code --change}s, and a hostile archive is refused with nothing stored.
 */
@Privileged
class ImageArchivesCliTest {

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    CliEngine engine;

    @BeforeAll
    static void pushBusybox() throws Exception {
        CliEngine.pushBusybox(REGISTRY, shared);
    }

    @BeforeEach
    void start() throws IOException {
        engine = CliEngine.start(REGISTRY);
    }

    @AfterEach
    void stop() throws Exception {
        engine.close();
    }

    @Test
    void a_saved_image_loads_into_a_fresh_engine_with_the_same_id_and_runs() throws Exception {
        engine.docker(0, "pull", "busybox");
        String id = engine.docker(0, "images", "-q", "--no-trunc", "busybox").strip();
        Path archive = tmp.resolve("busybox.tar");
        engine.docker(0, "save", "-o", archive.toString(), "busybox");

        try (CliEngine fresh = CliEngine.start(REGISTRY)) {
            assertThat(fresh.docker(0, "load", "-i", archive.toString())).contains("Loaded image: busybox:latest");
            assertThat(fresh.docker(0, "images", "-q", "--no-trunc", "busybox").strip()).isEqualTo(id);
            assertThat(fresh.docker(0, "run", "--rm", "busybox", "echo", "loaded and running")).isEqualTo("loaded and running\n");
        }
        engine.docker(0, "rmi", "busybox");
        assertThat(engine.cli().runWithFile(0, archive, "load", "-q")).isEqualTo("Loaded image: busybox:latest\n");
        assertThat(engine.docker(0, "images", "-q", "--no-trunc", "busybox").strip()).isEqualTo(id);
    }

    @Test
    void a_docker_archive_skopeo_made_from_the_registry_loads_and_runs() throws Exception {
        Path archive = tmp.resolve("skopeo.tar");
        run("skopeo", "copy", "--quiet", "--src-tls-verify=false",
                "docker://" + REGISTRY.host() + "/library/busybox:latest", "docker-archive:" + archive + ":copied/busybox:1");

        assertThat(engine.docker(0, "load", "-i", archive.toString())).contains("Loaded image: copied/busybox:1");
        assertThat(engine.docker(0, "run", "--rm", "copied/busybox:1", "sh", "-c", "echo from skopeo")).isEqualTo("from skopeo\n");
    }

    @Test
    void an_imported_rootfs_runs_with_its_changes_and_message() throws Exception {
        Path rootfs = tmp.resolve("rootfs.tar");
        TarBuilder tar = busyboxRootfs().dir("etc").file("etc/greeting", "imported hello\n");
        Files.write(rootfs, tar.tar());

        String id = engine.docker(0, "import", "--change", "CMD [\"cat\", \"/etc/greeting\"]", "--change", "ENV MOOD=calm",
                "--change", "EXPOSE 8080", "-m", "made by import", rootfs.toString(), "imported:v1").strip();

        assertThat(id).matches("sha256:[0-9a-f]{64}");
        assertThat(engine.docker(0, "run", "--rm", "imported:v1")).isEqualTo("imported hello\n");
        assertThat(engine.docker(0, "run", "--rm", "imported:v1", "sh", "-c", "echo $MOOD")).isEqualTo("calm\n");
        assertThat(engine.docker(0, "inspect", "-f", "{{json .Config.ExposedPorts}}", "imported:v1")).contains("8080/tcp");
        assertThat(engine.docker(0, "history", "--format", "{{.Comment}}", "imported:v1")).contains("made by import");
        assertThat(engine.cli().runWithFile(0, rootfs, "import", "-", "from-stdin")).startsWith("sha256:");
        assertThat(engine.docker(0, "run", "--rm", "from-stdin", "cat", "/etc/greeting")).isEqualTo("imported hello\n");
    }

    @Test
    void a_hostile_archive_is_refused_and_nothing_is_stored() throws Exception {
        Path archive = tmp.resolve("hostile.tar");
        Files.write(archive, new TarBuilder().file("../../../../tmp/gantry-load-pwned", "x").tar());

        assertThat(engine.docker(1, "load", "-i", archive.toString())).contains("climbs out of the archive");
        assertThat(Files.exists(Path.of("/tmp/gantry-load-pwned"))).isFalse();
        assertThat(engine.docker(0, "images", "-aq").strip()).isEmpty();
        try (var blobs = Files.list(engine.data().resolve("content/blobs/sha256"))) {
            assertThat(blobs).isEmpty();
        }
    }

    /** The busybox layer as a plain rootfs tarball. */
    static TarBuilder busyboxRootfs() throws IOException, InterruptedException {
        return TarBuilder.fromTar(new GZIPInputStream(new ByteArrayInputStream(TestImages.busyboxLayer())));
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }
}
