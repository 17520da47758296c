package io.gantry.core.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.archive.TarBuilder;
import io.gantry.core.image.oci.Platform;
import io.gantry.core.snapshot.OverlaySnapshotter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker save} archives as other tools read them: {@code skopeo inspect docker-archive:} (apt package
 * {@code skopeo}) and {@code oci-image-tool validate} (apt package {@code oci-image-tool}).
 */
class SaveArchiveTest {

    @TempDir
    Path root;

    @Test
    void a_saved_archive_is_read_by_skopeo_and_validated_by_oci_image_tool() throws Exception {
        ImageService images = ImageService.builder(root, new OverlaySnapshotter(root.resolve("snapshots")))
                .platform(Platform.LINUX_AMD64).open();
        Image base = images.importRootfs(new ByteArrayInputStream(new TarBuilder().dir("etc").file("etc/motd", "hi").tarGz()),
                NewImage.tagged("saved:1", "CMD [\"cat\", \"/etc/motd\"]"));
        Path upper = Files.createDirectories(root.resolve("upper/etc"));
        Files.writeString(upper.resolve("extra"), "more");
        Image top = images.commit(root.resolve("upper"), "saved:1", NewImage.tagged("127.0.0.1:5000/team/saved:2"));
        Path archive = root.resolve("saved.tar");
        try (OutputStream out = Files.newOutputStream(archive)) {
            images.save(List.of("saved:1", "127.0.0.1:5000/team/saved:2"), out);
        }

        String inspected = run("skopeo", "inspect", "--raw", "docker-archive:" + archive + ":saved:1");
        assertThat(inspected).contains(base.config().rootfs().diffIds().get(0));
        String config = run("skopeo", "inspect", "--config", "docker-archive:" + archive + ":127.0.0.1:5000/team/saved:2");
        assertThat(config).contains(top.config().rootfs().diffIds().get(1)).contains("cat");
        Path layout = Files.createDirectories(root.resolve("layout"));
        run("tar", "-xf", archive.toString(), "-C", layout.toString());
        run("oci-image-tool", "validate", "--type", "image", "--ref", "name=1", layout.toString());
        run("oci-image-tool", "validate", "--type", "image", "--ref", "name=2", layout.toString());
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }
}
