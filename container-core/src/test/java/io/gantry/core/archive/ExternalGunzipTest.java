package io.gantry.core.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layers inflated by igzip in a child process give what zlib in this process gives, and fail as loudly. */
class ExternalGunzipTest {

    @TempDir
    Path root;

    private final LayerExtractor external = new LayerExtractor(ExtractionLimits.DEFAULTS, false, true);
    private final LayerExtractor inProcess = new LayerExtractor(ExtractionLimits.DEFAULTS, false, false);

    @Test
    void igzip_and_zlib_give_the_same_tree_and_diff_id() throws IOException {
        requireIgzip();
        byte[] noise = new byte[2 << 20];
        new Random(7).nextBytes(noise);
        byte[] layer = new TarBuilder().dir("srv").file("srv/noise", noise, 0644, e -> { })
                .file("srv/text", "words ".repeat(100_000)).tarGz();

        LayerSummary viaIgzip = external.extract(new ByteArrayInputStream(layer), Files.createDirectory(root.resolve("a")));
        LayerSummary viaZlib = inProcess.extract(new ByteArrayInputStream(layer), Files.createDirectory(root.resolve("b")));

        assertThat(viaIgzip).isEqualTo(viaZlib);
        assertThat(Files.readAllBytes(root.resolve("a/srv/noise"))).isEqualTo(noise);
        assertThat(root.resolve("a/srv/text")).hasContent("words ".repeat(100_000));
    }

    @Test
    void a_corrupt_or_truncated_gzip_layer_fails_rather_than_ending_early() throws IOException {
        requireIgzip();
        byte[] layer = new TarBuilder().dir("etc").file("etc/motd", "hello ".repeat(20_000)).tarGz();
        byte[] badCrc = layer.clone();
        badCrc[badCrc.length - 6] ^= 0x55; // the trailer's CRC-32
        byte[] truncated = Arrays.copyOf(layer, layer.length / 2);

        for (byte[] broken : new byte[][] {badCrc, truncated}) {
            Path dir = Files.createTempDirectory(root, "broken");
            assertThatThrownBy(() -> external.extract(new ByteArrayInputStream(broken), dir)).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> inProcess.extract(new ByteArrayInputStream(broken), dir)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void a_decompression_bomb_is_stopped_by_the_limits_while_igzip_inflates() throws IOException {
        requireIgzip();
        LayerExtractor small = new LayerExtractor(new ExtractionLimits(1 << 20, 1000), false, true);
        byte[] bomb = new TarBuilder().file("zeros", new byte[8 << 20], 0644, e -> { }).tarGz();

        assertThatThrownBy(() -> small.extract(new ByteArrayInputStream(bomb), Files.createDirectory(root.resolve("bomb"))))
                .isInstanceOf(LayerLimitExceededException.class);
    }

    private static void requireIgzip() {
        assumeThat(ExternalGunzip.binary()).as("igzip (Debian's isal) is installed").isNotNull();
    }
}
