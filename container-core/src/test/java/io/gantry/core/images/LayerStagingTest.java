package io.gantry.core.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.archive.ExtractionLimits;
import io.gantry.core.archive.TarBuilder;
import io.gantry.core.content.BlobWriter;
import io.gantry.core.content.ContentStore;
import io.gantry.core.content.Descriptor;
import io.gantry.core.content.Digest;
import io.gantry.core.content.FileContentStore;
import io.gantry.core.image.oci.MediaTypes;
import io.gantry.core.registry.LayerProgress;
import io.gantry.core.registry.LayerStream;
import io.gantry.core.snapshot.OverlaySnapshotter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staging layers from download streams, including streams that break off. */
class LayerStagingTest {

    @TempDir
    Path root;

    @Test
    void a_layer_whose_download_broke_off_is_unpacked_from_the_blob_another_attempt_stored() throws Exception {
        byte[] layer = new TarBuilder().dir("etc").file("etc/motd", "hello ".repeat(50_000)).tarGz();
        Descriptor blob = new Descriptor(MediaTypes.OCI_LAYER_GZIP, Digest.of(layer), layer.length);
        ContentStore content = FileContentStore.open(root.resolve("content"));
        OverlaySnapshotter snapshotter = new OverlaySnapshotter(root.resolve("snapshots"));
        LayerUnpacker unpacker = new LayerUnpacker(content, snapshotter, ExtractionLimits.DEFAULTS);

        try (LayerStaging staging = new LayerStaging(unpacker, new PullReporter(event -> { }), 2)) {
            LayerStream broken = staging.layerStream(blob);
            broken.write(layer, 0, layer.length / 2);
            broken.abort(new IOException("connection reset"));
            try (BlobWriter writer = content.writer("other pull")) { // as a concurrent pull of the same blob would
                writer.write(layer);
                writer.commit(layer.length, blob.digest());
            }

            LayerUnpacker.Staged staged = staging.take(blob.digest(), blob.size());

            assertThat(Files.readString(staged.dir().resolve("etc/motd"))).isEqualTo("hello ".repeat(50_000));
            LayerUnpacker.deleteTree(staged.dir());
        }
        assertThat(entries(root.resolve("snapshots/staging"))).isEmpty();
    }

    @Test
    void a_retried_download_replaces_the_staging_of_the_attempt_before_and_nothing_is_left_behind() throws Exception {
        byte[] layer = new TarBuilder().dir("srv").file("srv/data", "x".repeat(100_000)).tarGz();
        Descriptor blob = new Descriptor(MediaTypes.OCI_LAYER_GZIP, Digest.of(layer), layer.length);
        ContentStore content = FileContentStore.open(root.resolve("content"));
        OverlaySnapshotter snapshotter = new OverlaySnapshotter(root.resolve("snapshots"));
        LayerUnpacker unpacker = new LayerUnpacker(content, snapshotter, ExtractionLimits.DEFAULTS);

        try (LayerStaging staging = new LayerStaging(unpacker, new PullReporter(event -> { }), 2)) {
            LayerStream first = staging.layerStream(blob);
            first.write(layer, 0, layer.length); // every byte arrived, then storing it failed: the download retries
            first.finish();
            LayerStream second = staging.layerStream(blob);
            second.write(layer, 0, layer.length);
            second.finish();
            staging.onProgress(new LayerProgress(blob.digest(), blob.size(), blob.size(), LayerProgress.Phase.VERIFIED));
            // the pull fails before taking it (another layer's digest mismatched, say)
        }

        assertThat(entries(root.resolve("snapshots/staging"))).isEmpty();
    }

    private static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> paths = Files.list(dir)) {
            return paths.toList();
        }
    }
}
