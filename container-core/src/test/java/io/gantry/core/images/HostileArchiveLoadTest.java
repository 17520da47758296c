package io.gantry.core.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.core.archive.ExtractionLimits;
import io.gantry.core.archive.TarBuilder;
import io.gantry.core.content.Digest;
import io.gantry.core.errors.EngineException;
import io.gantry.core.image.oci.ImageConfig;
import io.gantry.core.image.oci.OciJson;
import io.gantry.core.image.oci.Platform;
import io.gantry.core.snapshot.OverlaySnapshotter;
import io.gantry.core.testing.Canary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code load} of hostile archives: each is refused with an error naming what is wrong, no image is recorded, the
 * content store and the unpacked layers hold what they held before, and a canary directory on the host is unchanged.
 */
class HostileArchiveLoadTest {

    @TempDir
    Path root;

    Canary canary;
    ImageService images;
    List<String> storedBefore;

    @BeforeEach
    void storeWithOneImage() throws IOException {
        canary = Canary.plant(root.resolve("canary"));
        images = ImageService.builder(root.resolve("data"), new OverlaySnapshotter(root.resolve("data/snapshots")))
                .platform(Platform.LINUX_AMD64).limits(new ExtractionLimits(1 << 20, 200)).open();
        images.importRootfs(new ByteArrayInputStream(new TarBuilder().file("kept", "kept").tar()), NewImage.tagged("kept:1"));
        storedBefore = stored();
    }

    @AfterEach
    void nothingStoredAndTheCanaryUnchanged() throws IOException {
        assertThat(images.list()).extracting(Image::repoTags).containsExactly(List.of("kept:1"));
        assertThat(stored()).isEqualTo(storedBefore);
        canary.assertUnchanged();
    }

    @Test
    void an_entry_climbing_out_of_the_archive_is_refused() {
        refused(new TarBuilder().file("../../canary/pwned", "x"), "climbs out");
        refused(legacy("../../../canary/file", layer(new TarBuilder().file("a", "a"))), "climbs out");
    }

    @Test
    void a_blob_that_does_not_hash_to_its_name_is_refused() {
        byte[] layer = new TarBuilder().file("a", "a").tar();
        TarBuilder archive = legacy(null, layer);
        archive.file("blobs/sha256/" + "0".repeat(64), "not what the name says");
        refused(archive, "hashes to");
    }

    @Test
    void links_in_the_archive_never_leave_it() {
        TarBuilder archive = new TarBuilder().symlink("config.json", "/" + canary.file())
                .hardlink("layer.tar", "../../canary/file")
                .file("manifest.json", "[{\"Config\":\"config.json\",\"RepoTags\":[\"evil:1\"],\"Layers\":[]}]");
        refused(archive, "climbs out");
        refused(new TarBuilder().symlink("config.json", canary.file().toString())
                .file("manifest.json", "[{\"Config\":\"config.json\",\"RepoTags\":[\"evil:1\"],\"Layers\":[]}]"),
                "has no file");
        refused(new TarBuilder().symlink("a", "b").symlink("b", "a")
                .file("manifest.json", "[{\"Config\":\"a\",\"RepoTags\":[\"evil:1\"],\"Layers\":[]}]"), "loop");
    }

    @Test
    void a_hostile_layer_is_refused_by_the_extractor_and_leaves_no_layer() {
        refused(legacy(null, layer(new TarBuilder().symlink("link", canary.dir().toString()).file("link/pwned", "x"))),
                "passes through the symlink");
        refused(legacy(null, layer(new TarBuilder().hardlink("h", canary.file().toString()))), "not in the layer");
    }

    @Test
    void a_layer_that_differs_from_its_diff_id_is_refused() {
        byte[] real = layer(new TarBuilder().file("a", "a"));
        byte[] other = layer(new TarBuilder().file("a", "b"));
        refused(legacy(null, real, Digest.of(other)), "DiffID");
    }

    @Test
    void bombs_stop_at_the_limits_while_streaming() {
        refused(new TarBuilder().file("big", new byte[2 << 20], 0644, e -> { }), "exceeds");
        TarBuilder many = new TarBuilder();
        for (int i = 0; i < 300; i++) {
            many.file("f" + i, "x");
        }
        refused(many, "more than 200 entries");
    }

    @Test
    void special_files_duplicates_and_malformed_json_are_refused() {
        refused(new TarBuilder().device("dev", TarConstants.LF_BLK, 8, 0), "device");
        refused(new TarBuilder().file("manifest.json", "[]").file("manifest.json", "[]"), "twice");
        refused(new TarBuilder().file("manifest.json", "{not json"), "malformed manifest.json");
        refused(new TarBuilder().file("index.json", "{\"schemaVersion\":2,\"manifests\":[]}"), "without oci-layout");
        refused(new TarBuilder().file("nothing", "here"), "neither manifest.json");
    }

    @Test
    void an_oci_index_entry_with_the_wrong_size_is_refused() {
        byte[] manifest = "{\"schemaVersion\":2,\"config\":{}}".getBytes(StandardCharsets.UTF_8);
        Digest digest = Digest.of(manifest);
        refused(new TarBuilder().file("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}")
                .file("blobs/sha256/" + digest.hex(), manifest, 0644, e -> { })
                .file("index.json", "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
                        + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + digest + "\",\"size\":1}]}"),
                "its descriptor says 1");
    }

    private void refused(TarBuilder archive, String reason) {
        assertThatThrownBy(() -> images.load(new ByteArrayInputStream(archive.tar()), event -> { }))
                .isInstanceOf(EngineException.class).hasMessageStartingWith("load: ").hasMessageContaining(reason);
    }

    private static byte[] layer(TarBuilder content) {
        return content.tar();
    }

    /** A pre-25 {@code docker save} archive of one image over {@code layer}; {@code configPath} null for the usual. */
    private static TarBuilder legacy(String configPath, byte[] layer) {
        try {
            return legacy(configPath, layer, Digest.of(new ByteArrayInputStream(layer)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static TarBuilder legacy(String configPath, byte[] layer, Digest diffId) {
        byte[] config = OciJson.write(new ImageConfig(null, null, "amd64", "linux", null, null,
                new ImageConfig.RootFs("layers", List.of(diffId.toString())), List.of()));
        String configName = configPath != null ? configPath : Digest.of(config).hex() + ".json";
        String manifest = "[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"evil:1\"],\"Layers\":[\"l1/layer.tar\"]}]";
        return new TarBuilder().file(Digest.of(config).hex() + ".json", config, 0644, e -> { }).dir("l1")
                .file("l1/layer.tar", layer, 0644, e -> { }).file("manifest.json", manifest);
    }

    private List<String> stored() throws IOException {
        List<String> blobs = new ArrayList<>();
        images.content().walk(info -> blobs.add(info.digest().toString()));
        try (Stream<Path> layers = Files.list(root.resolve("data/snapshots/layers"))) {
            layers.forEach(layer -> blobs.add("layer " + layer.getFileName()));
        }
        blobs.sort(null);
        return blobs;
    }
}
