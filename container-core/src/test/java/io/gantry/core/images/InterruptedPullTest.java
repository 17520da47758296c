package io.gantry.core.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.archive.TarBuilder;
import io.gantry.core.content.ContentStore;
import io.gantry.core.content.FileContentStore;
import io.gantry.core.image.ImageReference;
import io.gantry.core.image.oci.ImageConfig;
import io.gantry.core.image.oci.MediaTypes;
import io.gantry.core.image.oci.Platform;
import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.registry.RegistryClient;
import io.gantry.core.registry.RegistrySettings;
import io.gantry.core.registry.TestImages;
import io.gantry.core.snapshot.OverlaySnapshotter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL of an engine midway through a pull: a child JVM pulls a 16 MiB layer slowly and is killed while it
 * downloads. No image is visible afterwards, the ingest area is clean once the store is reopened, and a retry succeeds.
 */
class InterruptedPullTest {

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    Path root;

    @Test
    void a_pull_killed_midway_leaves_no_image_and_a_clean_ingest_area_and_can_be_retried() throws Exception {
        RegistryClient client = new RegistryClient(RegistrySettings.onlyConfigured(Set.of(REGISTRY.host())));
        ContentStore source = FileContentStore.open(root.resolve("source"));
        byte[] noise = new byte[16 << 20];
        new Random(4).nextBytes(noise);
        TestImages.TestImage big = TestImages.layered(source, MediaTypes.OCI_MANIFEST, "amd64",
                List.of(new TarBuilder().file("noise", noise, 0644, e -> { }).tarGz()),
                new ImageConfig.ContainerConfig(null, Map.of(), List.of(), List.of(), List.of("sh"), Map.of(), null, Map.of(), null, null));
        ImageReference reference = ImageReference.parse(REGISTRY.host() + "/big:1");
        TestImages.push(client, source, reference, big);
        Path engineRoot = root.resolve("engine");

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PullChild.class.getName(), engineRoot.toString(), REGISTRY.host(),
                reference.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("DOWNLOADING")) {
                assertThat(line).doesNotStartWith("PULLED");
            }
            assertThat(line).as("the child reached a download").isNotNull();
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally in the child runs
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).isEqualTo(137);
        try (Stream<Path> ingest = Files.list(engineRoot.resolve("content/ingest"))) {
            assertThat(ingest).as("a partial download was left behind").isNotEmpty();
        }

        var snapshotter = new OverlaySnapshotter(engineRoot.resolve("snapshots"));
        ImageService images = ImageService.builder(engineRoot, snapshotter)
                .registry(client).platform(Platform.LINUX_AMD64).open();
        assertThat(images.list()).isEmpty();
        try (Stream<Path> ingest = Files.list(engineRoot.resolve("content/ingest"))) {
            assertThat(ingest).isEmpty();
        }
        Image pulled = images.pull(reference.toString(), null, e -> { });
        assertThat(pulled.id()).isEqualTo(big.config().digest());
        assertThat(snapshotter.layerPath(pulled.layers().get(0)).resolve("noise")).hasSize(noise.length);
    }
}
