package io.gantry.core.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A busybox image with files to change, imported through the docker CLI: {@code /etc/motd} ("original"),
 * {@code /data/keep}, a tree {@code /data/old} ({@code a}, {@code inner/b}), {@code /data/again/stale},
 * {@code /data/mode} (0644) and a sticky {@code /tmp}.
 */
final class FilesImage {

    private FilesImage() {
    }

    static void importInto(CliEngine engine, Path scratch, String tag) throws Exception {
        Path rootfs = scratch.resolve("files-image.tar");
        Files.write(rootfs, ImageArchivesCliTest.busyboxRootfs().dir("tmp", 01777).dir("etc").file("etc/motd", "original\n")
                .dir("data").file("data/keep", "keep\n").dir("data/old").file("data/old/a", "a\n").dir("data/old/inner")
                .file("data/old/inner/b", "b\n").dir("data/again").file("data/again/stale", "stale\n")
                .file("data/mode", "mode\n").tar());
        engine.docker(0, "import", rootfs.toString(), tag);
    }
}
