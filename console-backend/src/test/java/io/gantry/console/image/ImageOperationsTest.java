package io.gantry.console.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.console.MirroredEngineTest;
import io.gantry.console.engine.EngineCallException;
import io.gantry.console.engine.EngineClient;
import io.gantry.console.engine.EngineClientFixtures;
import io.gantry.console.engine.ImageLayer;
import io.gantry.console.engine.PrunedImages;
import io.gantry.core.archive.TarBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** The images page's service against a real engine pulling from a loopback registry. */
class ImageOperationsTest extends MirroredEngineTest {

    @Autowired
    EngineClient client;
    @Autowired
    ImageOperations images;

    @AfterEach
    void clean() {
        client.listContainers(true).forEach(c -> client.removeContainer(c.id(), true));
        client.listImages().forEach(i -> client.removeImage(i.id(), true));
    }

    @Test
    void a_pull_reports_layer_progress_and_the_image_is_listed_by_tag() {
        List<PullProgress> steps = new ArrayList<>();

        images.pull("busybox", steps::add);

        assertThat(steps).filteredOn(PullProgress::isLayer).anySatisfy(p -> {
            assertThat(p.status()).isEqualTo("Downloading");
            assertThat(p.fraction()).isBetween(0.0, 1.0);
        });
        assertThat(steps).filteredOn(s -> !s.isLayer()).extracting(PullProgress::status)
                .anySatisfy(s -> assertThat(s).contains("Pulling from library/busybox"));
        List<ImageRow> rows = images.list();
        assertThat(rows).extracting(ImageRow::reference).containsExactly("busybox:latest");
        assertThat(rows.get(0).size()).isPositive();
        assertThat(rows.get(0).usedBy()).isEmpty();
    }

    @Test
    void an_unknown_image_fails_with_the_registrys_reason_and_a_malformed_name_is_refused() {
        assertThatThrownBy(() -> images.pull("no-such-image:1", p -> { })).isInstanceOf(EngineCallException.class)
                .hasMessageContaining("no-such-image");
        assertThatThrownBy(() -> images.pull("two words", p -> { })).isInstanceOf(InvalidImageReferenceException.class);
    }

    @Test
    void an_image_in_use_is_refused_with_the_reason_and_others_in_the_same_removal_still_go() {
        images.pull("busybox:latest", p -> { });
        client.createContainer("user", EngineClientFixtures.busybox("true"));
        ImageRow busybox = images.list().get(0);
        images.tag(busybox, "mine/copy:v1");
        assertThat(images.list()).extracting(ImageRow::reference).containsExactly("busybox:latest", "mine/copy:v1");
        assertThat(images.list()).allSatisfy(r -> assertThat(r.usedBy()).containsExactly("user"));

        RemovalResult first = images.remove(images.list());
        assertThat(first.removed()).containsExactly("busybox:latest");
        assertThat(first.refused()).containsOnlyKeys("mine/copy:v1");
        assertThat(first.refused().get("mine/copy:v1")).contains("a container is using its referenced image");
        assertThat(images.list()).extracting(ImageRow::reference).containsExactly("mine/copy:v1");
    }

    @Test
    void an_exported_image_is_a_docker_save_archive_that_imports_back_with_its_tag_and_history(@TempDir Path dir)
            throws IOException {
        images.pull("busybox", p -> { });
        ImageRow busybox = images.list().get(0);
        List<ImageLayer> history = images.history(busybox);
        assertThat(history).isNotEmpty().anySatisfy(layer -> assertThat(layer.size()).isPositive());
        assertThat(history.get(0).id()).isEqualTo(busybox.id());

        Path archive = dir.resolve("busybox.tar");
        try (OutputStream out = Files.newOutputStream(archive)) {
            images.export(busybox, out);
        }
        assertThat(entryNames(archive)).contains("manifest.json");
        images.remove(List.of(busybox));
        assertThat(images.list()).isEmpty();

        ImportResult imported = images.importTarball(archive, "busybox.tar", "");

        assertThat(imported.images()).containsExactly("Loaded image: busybox:latest");
        assertThat(images.list()).extracting(ImageRow::reference, ImageRow::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("busybox:latest", busybox.id()));
        assertThat(images.history(images.list().get(0))).isEqualTo(history);
        assertThatThrownBy(() -> images.importTarball(archive, "busybox.tar", "named:1"))
                .isInstanceOf(InvalidImageReferenceException.class).hasMessageContaining("leave the name empty");
    }

    @Test
    void a_root_filesystem_tarball_becomes_a_tagged_image_and_an_untagged_one_is_pruned(@TempDir Path dir)
            throws IOException {
        Path rootfs = Files.write(dir.resolve("rootfs.tar"), new TarBuilder().dir("etc")
                .file("etc/motd", "made by hand\n").tar());

        ImportResult tagged = images.importTarball(rootfs, "rootfs.tar", "mine/rootfs:1");
        images.importTarball(Files.write(dir.resolve("other.tar"), new TarBuilder().file("other", "x").tar()),
                "other.tar", "");

        assertThat(tagged.images()).singleElement().asString().startsWith("Imported mine/rootfs:1 (sha256:");
        assertThat(images.list()).extracting(ImageRow::reference).containsExactly(ImageRow.UNTAGGED, "mine/rootfs:1");
        String dangling = images.list().get(0).id();
        PrunedImages pruned = images.prune();
        assertThat(pruned.deleted()).containsExactly(dangling);
        assertThat(pruned.spaceReclaimed()).isPositive();
        assertThat(images.list()).extracting(ImageRow::reference).containsExactly("mine/rootfs:1");
        assertThat(images.prune().deleted()).isEmpty();
    }

    @Test
    void a_file_that_is_no_archive_and_a_hostile_tarball_are_refused_with_the_engines_reason(@TempDir Path dir)
            throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "just some notes, not a tarball\n".repeat(100));
        Path hostile = Files.write(dir.resolve("evil.tar"), new TarBuilder().file("../../escaped", "gotcha").tar());

        assertThatThrownBy(() -> images.importTarball(text, "notes.txt", "")).isInstanceOf(EngineCallException.class)
                .hasMessageContaining("load: reading the archive failed");
        assertThatThrownBy(() -> images.importTarball(hostile, "evil.tar", "evil:1"))
                .isInstanceOf(EngineCallException.class).hasMessageContaining("'../../escaped' climbs out of the layer");
        assertThat(images.list()).isEmpty();
        assertThat(dir.getParent().resolve("escaped")).doesNotExist();
    }

    private static List<String> entryNames(Path tar) throws IOException {
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
            for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
