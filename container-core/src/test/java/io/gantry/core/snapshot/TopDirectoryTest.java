package io.gantry.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopDirectoryTest {

    @TempDir
    Path root;

    @Test
    void the_directory_layers_are_unpacked_in_is_an_ext4_top_directory() throws Exception {
        assumeThat(run("stat", "-f", "-c", "%T", root.toString())).as("file system of the temp dir").isEqualTo("ext2/ext3");

        new OverlaySnapshotter(root.resolve("snapshots"));

        assertThat(flags(root.resolve("snapshots/staging"))).contains("T");
        assertThat(flags(root.resolve("snapshots/layers"))).doesNotContain("T");
    }

    /** The attribute letters {@code lsattr} shows for a directory. */
    private static String flags(Path dir) throws IOException, InterruptedException {
        return run("lsattr", "-d", dir.toString()).split("\\s+")[0];
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }
}
