package io.gantry.core.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths in a container's root resolve as the container sees them: no symlink and no {@code ..} leads out. */
class ScopedPathTest {

    @TempDir
    Path tmp;

    Path root;

    @BeforeEach
    void containerRoot() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "inside");
        Files.createSymbolicLink(root.resolve("escape"), Path.of("/"));
        Files.createSymbolicLink(root.resolve("up"), Path.of("../../../../.."));
        Files.createSymbolicLink(root.resolve("conf"), Path.of("etc/passwd"));
        Files.createSymbolicLink(root.resolve("loop"), Path.of("loop"));
    }

    @Test
    void absolute_symlinks_start_again_at_the_container_root() throws IOException {
        assertThat(resolve("/escape/etc/passwd", true).host()).isEqualTo(root.resolve("etc/passwd"));
        assertThat(resolve("/escape/etc/passwd", true).inContainer()).isEqualTo("/etc/passwd");
    }

    @Test
    void dot_dot_and_climbing_links_stop_at_the_container_root() throws IOException {
        assertThat(resolve("../../../etc/passwd", true).inContainer()).isEqualTo("/etc/passwd");
        assertThat(resolve("/up/etc/passwd", true).host()).isEqualTo(root.resolve("etc/passwd"));
        assertThat(resolve("/up", true).inContainer()).isEqualTo("/");
        assertThat(resolve("/up", true).host()).isEqualTo(root.resolve("."));
    }

    @Test
    void the_last_component_is_followed_only_when_asked() throws IOException {
        assertThat(resolve("/conf", false).host()).isEqualTo(root.resolve("conf"));
        assertThat(resolve("/conf", false).attributes().isSymbolicLink()).isTrue();
        assertThat(resolve("/conf", true).inContainer()).isEqualTo("/etc/passwd");
    }

    @Test
    void missing_paths_are_kept_as_named_and_loops_are_refused() throws IOException {
        assertThat(resolve("/escape/new/file", true).inContainer()).isEqualTo("/new/file");
        assertThat(resolve("/etc/passwd/below", true).attributes()).isNull();
        assertThatThrownBy(() -> resolve("/loop/x", true)).isInstanceOf(FileSystemException.class)
                .hasMessageContaining("too many levels of symbolic links");
    }

    private ScopedPath resolve(String path, boolean followLast) throws IOException {
        return ScopedPath.resolve(root, path, followLast);
    }
}
