package io.gantry.core.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.core.testing.Privileged;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerExtractorTest {

    @TempDir
    Path layer;

    private final LayerExtractor unprivileged = new LayerExtractor(ExtractionLimits.DEFAULTS, false);

    @Test
    void keeps_files_modes_setuid_links_fifos_and_times() throws IOException {
        TarBuilder tar = new TarBuilder()
                .dir("bin", 0755)
                .file("bin/busybox", "ELF".getBytes(StandardCharsets.UTF_8), 04755, e -> { })
                .symlink("bin/sh", "busybox")
                .hardlink("bin/ash", "bin/busybox")
                .dir("tmp", 01777)
                .dir("secret", 0700)
                .fifo("run.fifo");

        LayerSummary summary = unprivileged.extract(new ByteArrayInputStream(tar.tar()), layer);

        assertThat(summary.entries()).isEqualTo(7);
        assertThat(mode(layer.resolve("bin/busybox"))).isEqualTo(0104755);
        assertThat(Files.readSymbolicLink(layer.resolve("bin/sh"))).hasToString("busybox");
        assertThat(Files.getAttribute(layer.resolve("bin/ash"), "unix:ino"))
                .isEqualTo(Files.getAttribute(layer.resolve("bin/busybox"), "unix:ino"));
        assertThat(mode(layer.resolve("tmp"))).isEqualTo(041777);
        assertThat(mode(layer.resolve("secret"))).isEqualTo(040700);
        assertThat(mode(layer.resolve("run.fifo")) & 0170000).isEqualTo(0010000);
        assertThat(Files.getLastModifiedTime(layer.resolve("bin"), LinkOption.NOFOLLOW_LINKS))
                .isEqualTo(FileTime.from(TarBuilder.MTIME));
        assertThat(Files.getLastModifiedTime(layer.resolve("bin/sh"), LinkOption.NOFOLLOW_LINKS))
                .isEqualTo(FileTime.from(TarBuilder.MTIME));
    }

    @Test
    void gzip_and_plain_layers_give_the_same_tree_and_diff_id() throws IOException {
        TarBuilder tar = new TarBuilder().dir("etc").file("etc/os-release", "ID=gantry\n");
        LayerSummary plain = unprivileged.extract(new ByteArrayInputStream(tar.tar()), Files.createDirectory(layer.resolve("a")));
        LayerSummary gzip = unprivileged.extract(new ByteArrayInputStream(tar.tarGz()), Files.createDirectory(layer.resolve("b")));
        assertThat(gzip.diffId()).isEqualTo(plain.diffId());
        assertThat(layer.resolve("b/etc/os-release")).hasContent("ID=gantry");
    }

    @Test
    void parents_missing_from_the_archive_are_created() throws IOException {
        unprivileged.extract(new ByteArrayInputStream(new TarBuilder().file("usr/share/doc/x", "x").tar()), layer);
        assertThat(layer.resolve("usr/share/doc/x")).hasContent("x");
    }

    @Test
    void user_xattrs_are_kept_and_overlay_markers_from_the_image_are_ignored() throws IOException {
        unprivileged.extract(new ByteArrayInputStream(new TarBuilder()
                .fileWithXattrs("f", "x", Map.of("user.origin", "gantry", "user.overlay.opaque", "y")).tar()), layer);
        assertThat(Libc.lgetxattr(layer.resolve("f").toString(), "user.origin")).asString().isEqualTo("gantry");
        assertThat(Libc.lgetxattr(layer.resolve("f").toString(), "user.overlay.opaque")).isNull();
    }

    @Test
    void without_root_whiteouts_are_refused_with_a_clear_error_and_devices_skipped() throws IOException {
        assertThatThrownBy(() -> unprivileged.extract(new ByteArrayInputStream(new TarBuilder().file(".wh.gone", "").tar()), layer))
                .isInstanceOf(IOException.class).hasMessageContaining("needs root");
        unprivileged.extract(new ByteArrayInputStream(new TarBuilder().device("null", TarConstants.LF_CHR, 1, 3).tar()), layer);
        assertThat(Files.exists(layer.resolve("null"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Privileged
    @Test
    void whiteouts_become_overlay_whiteouts_and_ownership_devices_and_trusted_xattrs_are_kept() throws IOException {
        LayerExtractor root = new LayerExtractor(ExtractionLimits.DEFAULTS, true);
        TarBuilder tar = new TarBuilder()
                .dir("etc")
                .file("etc/.wh.removed", "")
                .dir("var/cache")
                .file("var/cache/.wh..wh..opq", "")
                .file("var/cache/new", "n")
                .file(".wh..wh.plnk", "")
                .file("owned", "o".getBytes(StandardCharsets.UTF_8), 04750, e -> e.setIds(1234, 5678))
                .fileWithXattrs("cap", "c", Map.of("trusted.gantry", "kept", "trusted.overlay.redirect", "/evil"))
                .device("dev/null", TarConstants.LF_CHR, 1, 3)
                .device("dev/loop9", TarConstants.LF_BLK, 7, 9);

        root.extract(new ByteArrayInputStream(tar.tar()), layer);

        Path whiteout = layer.resolve("etc/removed");
        assertThat(mode(whiteout) & 0170000).isEqualTo(Libc.S_IFCHR);
        assertThat(Files.getAttribute(whiteout, "unix:rdev", LinkOption.NOFOLLOW_LINKS)).isEqualTo(0L);
        assertThat(Files.exists(layer.resolve("etc/.wh.removed"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Libc.lgetxattr(layer.resolve("var/cache").toString(), LayerExtractor.OPAQUE_XATTR)).asString().isEqualTo("y");
        assertThat(Files.exists(layer.resolve("var/cache/.wh..wh..opq"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(layer.resolve(".wh..wh.plnk"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(layer.resolve("var/cache/new")).hasContent("n");

        assertThat(Files.getAttribute(layer.resolve("owned"), "unix:uid")).isEqualTo(1234);
        assertThat(Files.getAttribute(layer.resolve("owned"), "unix:gid")).isEqualTo(5678);
        assertThat(mode(layer.resolve("owned"))).isEqualTo(0104750);

        assertThat(Libc.lgetxattr(layer.resolve("cap").toString(), "trusted.gantry")).asString().isEqualTo("kept");
        assertThat(Libc.lgetxattr(layer.resolve("cap").toString(), "trusted.overlay.redirect")).isNull();

        assertThat(Files.getAttribute(layer.resolve("dev/null"), "unix:rdev", LinkOption.NOFOLLOW_LINKS))
                .isEqualTo(Libc.makedev(1, 3));
        assertThat(mode(layer.resolve("dev/loop9")) & 0170000).isEqualTo(Libc.S_IFBLK);
        assertThat(Files.getAttribute(layer.resolve("dev/loop9"), "unix:rdev", LinkOption.NOFOLLOW_LINKS))
                .isEqualTo(Libc.makedev(7, 9));
    }

    private static int mode(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    }
}
