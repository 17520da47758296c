package io.gantry.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.testing.Privileged;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopySnapshotterTest {

    static final ChainId LOWER = OverlaySnapshotterTest.LOWER;
    static final ChainId UPPER = OverlaySnapshotterTest.UPPER;

    @TempDir
    Path root;

    @Test
    void prepare_copies_the_layers_lowest_first_into_a_bind_mounted_tree() throws IOException {
        CopySnapshotter s = new CopySnapshotter(root);
        OverlaySnapshotterTest.commit(s, LOWER);
        OverlaySnapshotterTest.commit(s, UPPER);
        Mount m = s.prepare("c1", List.of(LOWER, UPPER)).get(0);
        assertThat(m.type()).isEqualTo("bind");
        assertThat(Files.readString(Path.of(m.source(), "file"))).isEqualTo(UPPER.hex());
        s.remove("c1");
        assertThat(Path.of(m.source())).doesNotExist();
    }

    @Test
    @Privileged
    void a_whiteout_in_an_upper_layer_deletes_the_path_below() throws Exception {
        CopySnapshotter s = new CopySnapshotter(root);
        Path lower = s.newStagingDir();
        Files.writeString(lower.resolve("gone"), "x");
        Files.writeString(lower.resolve("kept"), "y");
        s.commitLayer(LOWER, lower);
        Path upper = s.newStagingDir();
        assertThat(new ProcessBuilder("mknod", upper.resolve("gone").toString(), "c", "0", "0").start().waitFor()).isZero();
        s.commitLayer(UPPER, upper);
        Mount m = s.prepare("c1", List.of(LOWER, UPPER)).get(0);
        assertThat(Path.of(m.source(), "gone")).doesNotExist();
        assertThat(Path.of(m.source(), "kept")).exists();
    }
}
