package io.gantry.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.core.errors.ConflictException;
import io.gantry.core.errors.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlaySnapshotterTest {

    static final ChainId LOWER = ChainId.parse("sha256:" + "1".repeat(64));
    static final ChainId UPPER = ChainId.parse("sha256:" + "2".repeat(64));

    @TempDir
    Path root;

    @Test
    void prepare_returns_an_overlay_with_the_topmost_layer_first() throws IOException {
        OverlaySnapshotter s = new OverlaySnapshotter(root);
        commit(s, LOWER);
        commit(s, UPPER);
        List<Mount> mounts = s.prepare("c1", List.of(LOWER, UPPER));
        assertThat(mounts).hasSize(1);
        Mount m = mounts.get(0);
        assertThat(m.type()).isEqualTo("overlay");
        assertThat(m.options().get(0)).isEqualTo("lowerdir=" + root.resolve("layers/" + UPPER.hex()) + ":"
                + root.resolve("layers/" + LOWER.hex()));
        assertThat(m.options()).contains("upperdir=" + root.resolve("active/c1/upper"), "workdir=" + root.resolve("active/c1/work"));
        s.remove("c1");
        assertThat(root.resolve("active/c1")).doesNotExist();
    }

    @Test
    void a_missing_layer_is_not_found_and_a_used_key_conflicts() throws IOException {
        OverlaySnapshotter s = new OverlaySnapshotter(root);
        assertThatThrownBy(() -> s.prepare("c1", List.of(LOWER))).isInstanceOf(NotFoundException.class);
        commit(s, LOWER);
        s.prepare("c1", List.of(LOWER));
        assertThatThrownBy(() -> s.prepare("c1", List.of(LOWER))).isInstanceOf(ConflictException.class);
    }

    @Test
    void committing_a_layer_twice_keeps_the_first() throws IOException {
        OverlaySnapshotter s = new OverlaySnapshotter(root);
        commit(s, LOWER);
        Path again = s.newStagingDir();
        Files.writeString(again.resolve("other"), "x");
        s.commitLayer(LOWER, again);
        assertThat(again).doesNotExist();
        assertThat(root.resolve("layers/" + LOWER.hex() + "/file")).exists();
    }

    static void commit(Snapshotter s, ChainId id) throws IOException {
        Path staging = s.newStagingDir();
        Files.writeString(staging.resolve("file"), id.hex());
        s.commitLayer(id, staging);
        assertThat(s.hasLayer(id)).isTrue();
    }
}
