package io.gantry.core.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.archive.TarBuilder;
import io.gantry.core.image.oci.Platform;
import io.gantry.core.snapshot.OverlaySnapshotter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code load} of archives made by Gantry, by skopeo ({@code docker-archive:} with its linked legacy layers, and
 * {@code oci-archive:}) and of Gantry's pure OCI layout, which {@code oci-image-tool} and skopeo accept: each round trip
 * keeps the image ID and the tags. Apt packages {@code skopeo} and {@code oci-image-tool}.
 */
class LoadArchiveTest {

    @TempDir
    Path root;

    ImageService source;
    Image base;
    Image top;

    @BeforeEach
    void twoImages() throws IOException {
        source = open("source");
        base = source.importRootfs(new ByteArrayInputStream(new TarBuilder().dir("etc").file("etc/motd", "hi")
                .symlink("etc/link", "motd").tarGz()), NewImage.tagged("saved:1", "CMD [\"cat\", \"/etc/motd\"]"));
        Path upper = Files.createDirectories(root.resolve("upper/etc"));
        Files.writeString(upper.resolve("extra"), "more");
        top = source.commit(root.resolve("upper"), "saved:1", NewImage.tagged("127.0.0.1:5000/team/saved:2"));
    }

    @Test
    void a_saved_archive_loads_into_a_fresh_store_with_the_same_ids_tags_and_layers() throws IOException {
        ImageService fresh = open("fresh");
        List<LoadEvent> progress = new ArrayList<>();
        List<LoadedImage> loaded = fresh.load(new ByteArrayInputStream(save("saved:1", "127.0.0.1:5000/team/saved:2")),
                progress::add);

        assertThat(loaded).containsExactly(new LoadedImage(base.id(), List.of("saved:1")),
                new LoadedImage(top.id(), List.of("127.0.0.1:5000/team/saved:2")));
        Image again = fresh.inspect("127.0.0.1:5000/team/saved:2");
        assertThat(again.layers()).isEqualTo(top.layers());
        assertThat(again.config().config().cmd()).containsExactly("cat", "/etc/motd");
        assertThat(progress).isNotEmpty().allMatch(event -> event.current() <= event.total());
        assertThat(progress.get(progress.size() - 1).current()).isEqualTo(progress.get(progress.size() - 1).total());
    }

    @Test
    void a_gzipped_archive_loads_and_a_second_load_moves_nothing() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(save("saved:1"));
        }
        ImageService fresh = open("fresh");
        assertThat(fresh.load(new ByteArrayInputStream(gz.toByteArray()), event -> { }))
                .containsExactly(new LoadedImage(base.id(), List.of("saved:1")));
        assertThat(fresh.load(new ByteArrayInputStream(gz.toByteArray()), event -> { }))
                .containsExactly(new LoadedImage(base.id(), List.of("saved:1")));
        assertThat(fresh.list()).hasSize(1);
    }

    @Test
    void an_image_saved_by_id_loads_untagged() throws IOException {
        ImageService fresh = open("fresh");
        assertThat(fresh.load(new ByteArrayInputStream(save(base.id().toString())), event -> { }))
                .containsExactly(new LoadedImage(base.id(), List.of()));
        assertThat(fresh.inspect(base.id().toString()).repoTags()).isEmpty();
    }

    @Test
    void a_docker_archive_written_by_skopeo_loads() throws Exception {
        Path ours = root.resolve("ours.tar");
        Files.write(ours, save("127.0.0.1:5000/team/saved:2"));
        Path theirs = root.resolve("skopeo.tar");
        run("skopeo", "copy", "--quiet", "docker-archive:" + ours, "docker-archive:" + theirs + ":skopeo/made:3");

        ImageService fresh = open("fresh");
        try (InputStream in = Files.newInputStream(theirs)) {
            assertThat(fresh.load(in, event -> { })).containsExactly(new LoadedImage(top.id(), List.of("skopeo/made:3")));
        }
        assertThat(fresh.inspect("skopeo/made:3").layers()).isEqualTo(top.layers());
    }

    @Test
    void the_oci_layout_is_valid_for_oci_image_tool_and_skopeo_and_loads_back_with_the_same_manifest() throws Exception {
        Path layout = root.resolve("layout.tar");
        try (OutputStream out = Files.newOutputStream(layout)) {
            source.saveOciLayout(List.of("saved:1", "127.0.0.1:5000/team/saved:2"), out);
        }
        Path extracted = Files.createDirectories(root.resolve("layout"));
        run("tar", "-xf", layout.toString(), "-C", extracted.toString()); // oci-image-tool 1.0 cannot walk tarballs
        run("oci-image-tool", "validate", "--type", "image", "--ref", "name=1", extracted.toString());
        run("oci-image-tool", "validate", "--type", "image", "--ref", "name=2", extracted.toString());
        run("oci-image-tool", "validate", "--type", "imageIndex", extracted.resolve("index.json").toString());
        assertThat(run("skopeo", "inspect", "--config", "oci-archive:" + layout + ":1")).contains("/etc/motd");

        ImageService fresh = open("fresh");
        try (InputStream in = Files.newInputStream(layout)) {
            assertThat(fresh.load(in, event -> { })).containsExactly(new LoadedImage(base.id(), List.of("saved:1")),
                    new LoadedImage(top.id(), List.of("127.0.0.1:5000/team/saved:2")));
        }
        assertThat(fresh.inspect("saved:1").manifest()).isEqualTo(base.manifest());
    }

    @Test
    void an_oci_archive_written_by_skopeo_loads_by_its_reference_name_with_the_config_skopeo_converted() throws Exception {
        Path ours = root.resolve("ours.tar");
        Files.write(ours, save("saved:1"));
        Path theirs = root.resolve("oci.tar");
        run("skopeo", "copy", "--quiet", "docker-archive:" + ours, "oci-archive:" + theirs + ":localhost/oci/made:4");

        String convertedConfig = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(run("skopeo", "inspect", "--raw", "oci-archive:" + theirs)).path("config").path("digest").asText();

        ImageService fresh = open("fresh");
        try (InputStream in = Files.newInputStream(theirs)) {
            assertThat(fresh.load(in, event -> { })).extracting(loaded -> loaded.id().toString(), LoadedImage::tags)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(convertedConfig, List.of("localhost/oci/made:4")));
        }
        assertThat(fresh.inspect("localhost/oci/made:4").layers()).isEqualTo(base.layers());
    }

    private byte[] save(String... names) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        source.save(List.of(names), out);
        return out.toByteArray();
    }

    private ImageService open(String name) {
        Path dir = root.resolve(name);
        return ImageService.builder(dir, new OverlaySnapshotter(dir.resolve("snapshots"))).platform(Platform.LINUX_AMD64).open();
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }
}
