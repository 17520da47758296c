package io.gantry.core.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.archive.TarBuilder;
import io.gantry.core.image.oci.Platform;
import io.gantry.core.snapshot.Mount;
import io.gantry.core.snapshot.OverlaySnapshotter;
import io.gantry.core.snapshot.Snapshotter;
import io.gantry.core.testing.Privileged;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images made here: import of a rootfs tarball, export of a tree, commit of an overlay upper directory. */
class LocalImagesTest {

    @TempDir
    Path root;

    Snapshotter snapshotter;
    ImageService images;

    @BeforeEach
    void open() {
        snapshotter = new OverlaySnapshotter(root.resolve("snapshots"));
        images = ImageService.builder(root, snapshotter).platform(Platform.LINUX_AMD64).open();
    }

    @Test
    void import_makes_a_one_layer_image_with_the_changes() {
        byte[] rootfs = new TarBuilder().dir("etc").file("etc/motd", "hi").tarGz();
        Image imported = images.importRootfs(new ByteArrayInputStream(rootfs), new NewImage("imported:1", "me", "first",
                List.of("CMD [\"cat\", \"/etc/motd\"]", "ENV A=1 B=\"two words\"", "EXPOSE 80 53/udp", "WORKDIR /etc",
                        "ENTRYPOINT /bin/sh", "LABEL x=y", "USER nobody")));

        assertThat(imported.repoTags()).containsExactly("imported:1");
        assertThat(imported.layers()).hasSize(1);
        assertThat(snapshotter.layerPath(imported.layers().get(0)).resolve("etc/motd")).hasContent("hi");
        var config = imported.containerConfig();
        assertThat(config.cmd()).containsExactly("cat", "/etc/motd");
        assertThat(config.entrypoint()).containsExactly("/bin/sh", "-c", "/bin/sh");
        assertThat(config.env()).containsExactly("A=1", "B=two words");
        assertThat(config.exposedPorts()).containsOnlyKeys("80/tcp", "53/udp");
        assertThat(config.workingDir()).isEqualTo("/etc");
        assertThat(config.labels()).containsEntry("x", "y");
        assertThat(config.user()).isEqualTo("nobody");
        assertThat(imported.config().author()).isEqualTo("me");
        assertThat(images.history("imported:1")).singleElement().satisfies(step -> {
            assertThat(step.comment()).isEqualTo("first");
            assertThat(step.size()).isEqualTo(2);
        });
    }

    @Test
    void export_writes_the_tree_without_following_links() throws IOException {
        Path tree = Files.createDirectories(root.resolve("tree/etc"));
        Files.writeString(tree.resolve("motd"), "hello");
        Files.createSymbolicLink(tree.resolve("passwd"), Path.of("/etc/passwd"));
        Files.createLink(tree.resolve("motd2"), tree.resolve("motd"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        images.exportFilesystem(root.resolve("tree"), out);

        List<TarArchiveEntry> entries = entries(new ByteArrayInputStream(out.toByteArray()));
        assertThat(entries).extracting(TarArchiveEntry::getName).containsExactly("etc/", "etc/motd", "etc/motd2", "etc/passwd");
        assertThat(entries.get(2).isLink()).isTrue();
        assertThat(entries.get(2).getLinkName()).isEqualTo("etc/motd");
        assertThat(entries.get(3).isSymbolicLink()).isTrue();
        assertThat(entries.get(3).getLinkName()).isEqualTo("/etc/passwd");
    }

    @Test
    @Privileged
    void commit_of_added_changed_and_deleted_files_gives_exactly_those_changes() throws Exception {
        byte[] base = new TarBuilder().dir("etc").file("etc/keep", "same").file("etc/change", "old").file("etc/gone", "x")
                .dir("var").dir("var/cache").file("var/cache/a", "a").file("var/cache/b", "b")
                .dir("opaq").file("opaq/old1", "old").tarGz();
        images.importRootfs(new ByteArrayInputStream(base), NewImage.tagged("base:1", "CMD [\"sh\"]"));
        // a container's changes, made through a real overlay mount so overlayfs writes its own whiteouts
        List<Mount> container = images.prepareRootfs("container", "base:1");
        Path upper = Path.of(container.get(0).options().stream().filter(o -> o.startsWith("upperdir=")).findFirst()
                .orElseThrow().substring("upperdir=".length()));
        Path merged = Files.createDirectories(root.resolve("merged"));
        run("mount", "-t", "overlay", "overlay", "-o", container.get(0).data(), merged.toString());
        try {
            Files.writeString(merged.resolve("etc/change"), "new");
            Files.writeString(merged.resolve("etc/added"), "hello");
            Files.delete(merged.resolve("etc/gone"));
            run("rm", "-r", merged.resolve("var/cache").toString());
            run("rm", "-r", merged.resolve("opaq").toString());
            Files.createDirectory(merged.resolve("opaq")); // overlayfs marks a re-created directory opaque
            Files.writeString(merged.resolve("opaq/new1"), "fresh");
        } finally {
            run("umount", merged.toString());
        }

        Image committed = images.commit(upper, "base:1", new NewImage("committed:1", "me", "my changes",
                List.of("ENV A=1", "EXPOSE 8080")));

        assertThat(committed.layers()).hasSize(2);
        assertThat(committed.containerConfig().cmd()).containsExactly("sh");
        assertThat(committed.containerConfig().env()).containsExactly("A=1");
        assertThat(committed.containerConfig().exposedPorts()).containsOnlyKeys("8080/tcp");
        assertThat(images.history("committed:1").get(0).comment()).isEqualTo("my changes");
        try (InputStream layer = images.content().open(Digest(committed))) {
            assertThat(entries(new GZIPInputStream(layer))).extracting(TarArchiveEntry::getName)
                    .contains("etc/.wh.gone", "var/.wh.cache", "opaq/.wh..wh..opq", "etc/added", "etc/change", "opaq/new1");
        }

        List<Mount> mounts = images.prepareRootfs("check", "committed:1");
        Path target = Files.createDirectories(root.resolve("mnt"));
        run("mount", "-t", "overlay", "overlay", "-o", mounts.get(0).data(), target.toString());
        try {
            assertThat(target.resolve("etc/keep")).hasContent("same");
            assertThat(target.resolve("etc/change")).hasContent("new");
            assertThat(target.resolve("etc/added")).hasContent("hello");
            assertThat(target.resolve("etc/gone")).doesNotExist();
            assertThat(target.resolve("var")).isDirectory();
            assertThat(target.resolve("var/cache")).doesNotExist();
            assertThat(target.resolve("opaq/new1")).hasContent("fresh");
            assertThat(target.resolve("opaq/old1")).doesNotExist();
        } finally {
            run("umount", target.toString());
            snapshotter.remove("check");
            snapshotter.remove("container");
        }
    }

    private io.gantry.core.content.Digest Digest(Image image) throws IOException {
        try (InputStream in = images.content().open(image.manifest().digest())) {
            var manifest = io.gantry.core.image.oci.OciJson.parseManifest(in.readAllBytes());
            return manifest.layers().get(manifest.layers().size() - 1).toDescriptor().digest();
        }
    }

    private static List<TarArchiveEntry> entries(InputStream tar) throws IOException {
        List<TarArchiveEntry> entries = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(tar)) {
            for (TarArchiveEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
    }
}
