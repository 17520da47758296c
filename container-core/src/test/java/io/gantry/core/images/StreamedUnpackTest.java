package io.gantry.core.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.core.archive.TarBuilder;
import io.gantry.core.content.ContentStore;
import io.gantry.core.content.Descriptor;
import io.gantry.core.content.FileContentStore;
import io.gantry.core.image.ImageReference;
import io.gantry.core.image.oci.MediaTypes;
import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.registry.RegistryClient;
import io.gantry.core.registry.RegistryException;
import io.gantry.core.registry.RegistrySettings;
import io.gantry.core.registry.TestImages;
import io.gantry.core.snapshot.OverlaySnapshotter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layers are unpacked from their download streams, before their digests are known: what a tampered blob unpacked to
 * must never become a layer, and nothing of it may stay behind.
 */
class StreamedUnpackTest {

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    Path root;

    @Test
    void a_tampered_layer_unpacked_while_downloading_fails_the_pull_and_leaves_no_layer_or_staging() throws Exception {
        RegistryClient client = new RegistryClient(RegistrySettings.onlyConfigured(Set.of(REGISTRY.host())));
        ContentStore source = FileContentStore.open(root.resolve("source"));
        byte[] noise = new byte[3 << 20]; // incompressible, so the layer spans many chunks of the stream
        new Random(42).nextBytes(noise);
        byte[] layer = new TarBuilder().dir("data").file("data/noise", noise, 0644, e -> { }).tarGz();
        TestImages.TestImage image = TestImages.layered(source, MediaTypes.OCI_MANIFEST, "amd64",
                List.of(TestImages.busyboxLayer(), layer), null);
        ImageReference reference = ImageReference.parse(REGISTRY.host() + "/victim:1");
        TestImages.push(client, source, reference, image);
        Descriptor tampered = image.layers().get(1);
        try (RandomAccessFile data = new RandomAccessFile(REGISTRY.blobData(tampered.digest().hex()).toFile(), "rw")) {
            long inTheNoise = tampered.size() - 4096; // inflates and untars fine: only the file's bytes change
            data.seek(inTheNoise);
            int b = data.read();
            data.seek(inTheNoise);
            data.write(b ^ 0xff);
        }
        Path engine = root.resolve("engine");
        ImageService images = ImageService.builder(engine, new OverlaySnapshotter(engine.resolve("snapshots")))
                .registry(client).open();

        assertThatThrownBy(() -> images.pull(reference.toString(), null, e -> { }))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("expected " + tampered.digest());

        assertThat(images.list()).isEmpty();
        assertThat(entries(engine.resolve("snapshots/layers"))).as("committed layers").isEmpty();
        assertThat(entries(engine.resolve("snapshots/staging"))).as("staged layers").isEmpty();
        assertThat(entries(engine.resolve("content/ingest"))).as("blob ingests").isEmpty();
    }

    private static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> paths = Files.list(dir)) {
            return paths.toList();
        }
    }
}
