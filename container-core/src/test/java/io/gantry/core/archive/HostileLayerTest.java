package io.gantry.core.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.core.content.Digest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile corpus: every layer here tries to reach a canary directory on the host. Each is refused or safely
 * contained, and the canary's checksum (names, types, modes, contents, link targets) never changes.
 */
class HostileLayerTest {

    @TempDir
    Path tmp;

    private Path canary;
    private Path layer;
    private String canaryBefore;
    private final LayerExtractor extractor = LayerExtractor.forCurrentUser(new ExtractionLimits(1 << 20, 100));

    @BeforeEach
    void plantCanary() throws IOException {
        canary = Files.createDirectories(tmp.resolve("canary"));
        Files.writeString(canary.resolve("file"), "precious");
        Files.createDirectories(canary.resolve("sub"));
        Files.writeString(canary.resolve("sub/inner"), "also precious");
        layer = Files.createDirectories(tmp.resolve("layers/one"));
        canaryBefore = checksum(canary);
    }

    @AfterEach
    void canaryIsUnchanged() throws IOException {
        assertThat(checksum(canary)).as("canary checksum").isEqualTo(canaryBefore);
        assertThat(Files.exists(canary.resolve("x"))).isFalse();
        assertThat(Files.exists(canary.resolve("pwned"))).isFalse();
    }

    @Test
    void dot_dot_names_that_climb_out_are_refused() {
        refused(new TarBuilder().file("../../canary/pwned", "x"), "climbs out");
        refused(new TarBuilder().dir("a").file("a/../../../canary/pwned", "x"), "climbs out");
    }

    @Test
    void dot_dot_that_stays_inside_is_cleaned() throws IOException {
        extract(new TarBuilder().dir("a").file("a/../b", "inside"));
        assertThat(layer.resolve("b")).hasContent("inside");
    }

    @Test
    void absolute_names_are_contained_in_the_layer() throws IOException {
        String absolute = canary.resolve("pwned").toString();
        extract(new TarBuilder().file(absolute, "contained"));
        assertThat(layer.resolve(absolute.substring(1))).hasContent("contained");
    }

    @Test
    void writing_through_a_symlink_planted_earlier_is_refused() {
        refused(new TarBuilder().symlink("link", canary.toString()).file("link/pwned", "x"), "passes through the symlink");
        refused(new TarBuilder().symlink("rel", "../../canary").file("rel/pwned", "x"), "passes through the symlink");
    }

    @Test
    void a_symlinked_parent_directory_is_refused() {
        refused(new TarBuilder().dir("dir").symlink("dir/sub", canary.toString()).dir("dir/sub/deeper")
                .file("dir/sub/deeper/pwned", "x"), "passes through the symlink");
        refused(new TarBuilder().symlink("etc", "/etc").file("etc/x", "x"), "passes through the symlink");
    }

    @Test
    void a_file_over_a_symlink_replaces_the_link_instead_of_following_it() throws IOException {
        extract(new TarBuilder().symlink("evil", canary.resolve("file").toString()).file("evil", "replaced"));
        assertThat(Files.isSymbolicLink(layer.resolve("evil"))).isFalse();
        assertThat(layer.resolve("evil")).hasContent("replaced");
    }

    @Test
    void metadata_of_a_later_entry_never_reaches_a_symlink_target() throws IOException {
        extract(new TarBuilder().symlink("m", canary.toString()).dir("m", 0777)
                .symlink("n", canary.resolve("file").toString()).fifo("n"));
        assertThat(Files.isDirectory(layer.resolve("m"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(Files.isSymbolicLink(layer.resolve("n"))).isFalse();
    }

    @Test
    void absolute_symlink_targets_are_kept_as_text_and_never_followed() throws IOException {
        extract(new TarBuilder().symlink("passwd", "/etc/passwd").symlink("up", "../../../../canary/file"));
        assertThat(Files.readSymbolicLink(layer.resolve("passwd"))).hasToString("/etc/passwd");
        assertThat(Files.readSymbolicLink(layer.resolve("up"))).hasToString("../../../../canary/file");
    }

    @Test
    void hard_links_to_host_files_are_refused() {
        refused(new TarBuilder().hardlink("h", canary.resolve("file").toString()), "not in the layer");
        refused(new TarBuilder().hardlink("h", "../../canary/file"), "climbs out");
        refused(new TarBuilder().symlink("s", canary.toString()).hardlink("h", "s/file"), "non-directory");
        refused(new TarBuilder().dir("d").hardlink("h", "d"), "directory");
        refused(new TarBuilder().hardlink("h", "not-yet-there"), "not in the layer");
    }

    @Test
    void a_directory_is_never_replaced_by_a_link() {
        refused(new TarBuilder().dir("d").symlink("d", canary.toString()), "would replace the directory");
    }

    @Test
    void whiteouts_naming_no_file_are_refused() {
        refused(new TarBuilder().file(".wh..", ""), "names no file");
        refused(new TarBuilder().dir("a").file("a/.wh...", ""), "names no file");
    }

    @Test
    void a_size_bomb_stops_before_the_limit_is_exceeded_on_disk() throws IOException {
        byte[] zeros = new byte[4 << 20];
        byte[] bomb = new TarBuilder().file("small", "ok").file("big", zeros, 0644, e -> { }).tarGz();
        assertThat(bomb.length).isLessThan(64 * 1024);
        assertThatThrownBy(() -> extractor.extract(new ByteArrayInputStream(bomb), layer))
                .isInstanceOf(LayerLimitExceededException.class).hasMessageContaining("1048576 bytes").hasMessageContaining("big");
        assertThat(diskBytes(layer)).isLessThanOrEqualTo(1 << 20);
    }

    @Test
    void many_files_each_under_the_limit_still_stop_at_the_byte_limit() throws IOException {
        TarBuilder builder = new TarBuilder();
        for (int i = 0; i < 20; i++) {
            builder.file("f" + i, new byte[100_000], 0644, e -> { });
        }
        assertThatThrownBy(() -> extractor.extract(new ByteArrayInputStream(builder.tarGz()), layer))
                .isInstanceOf(LayerLimitExceededException.class);
        assertThat(diskBytes(layer)).isLessThanOrEqualTo(1 << 20);
    }

    @Test
    void an_entry_count_bomb_stops_at_the_entry_limit() throws IOException {
        TarBuilder builder = new TarBuilder();
        for (int i = 0; i < 1000; i++) {
            builder.file("e" + i, "");
        }
        assertThatThrownBy(() -> extractor.extract(new ByteArrayInputStream(builder.tarGz()), layer))
                .isInstanceOf(LayerLimitExceededException.class).hasMessageContaining("100 entries");
        try (Stream<Path> files = Files.list(layer)) {
            assertThat(files.count()).isLessThanOrEqualTo(100);
        }
    }

    @Test
    void a_stream_of_padding_after_the_archive_is_capped_too() {
        byte[] tar = new TarBuilder().file("a", "a").tar();
        byte[] padded = new byte[tar.length + (8 << 20)];
        System.arraycopy(tar, 0, padded, 0, tar.length);
        LayerExtractor tight = LayerExtractor.forCurrentUser(new ExtractionLimits(1024, 4));
        assertThatThrownBy(() -> tight.extract(new ByteArrayInputStream(padded), layer))
                .isInstanceOf(LayerLimitExceededException.class).hasMessageContaining("uncompressed bytes");
    }

    @Test
    void the_diff_id_of_a_benign_layer_is_the_hash_of_its_uncompressed_tar() throws IOException {
        TarBuilder builder = new TarBuilder().dir("etc").file("etc/hostname", "gantry");
        LayerSummary summary = extract(builder);
        assertThat(summary.diffId()).isEqualTo(Digest.of(builder.tar()));
        assertThat(summary.entries()).isEqualTo(2);
        assertThat(summary.bytes()).isEqualTo(6);
    }

    private LayerSummary extract(TarBuilder builder) throws IOException {
        return extractor.extract(new ByteArrayInputStream(builder.tarGz()), layer);
    }

    private void refused(TarBuilder builder, String reason) {
        Path fresh;
        try {
            fresh = Files.createTempDirectory(tmp.resolve("layers"), "l");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThatThrownBy(() -> extractor.extract(new ByteArrayInputStream(builder.tar()), fresh))
                .isInstanceOf(UnsafeArchiveException.class).hasMessageContaining(reason);
    }

    private static long diskBytes(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** Names, types, modes, sizes, contents and link targets of everything under {@code root}. */
    static String checksum(Path root) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted().toList()) {
                all.append(root.relativize(path)).append(' ')
                        .append(Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS)).append(' ');
                if (Files.isSymbolicLink(path)) {
                    all.append("-> ").append(Files.readSymbolicLink(path));
                } else if (Files.isRegularFile(path)) {
                    all.append(Digest.of(Files.readAllBytes(path)));
                }
                all.append('\n');
            }
        }
        return Digest.of(all.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }
}
