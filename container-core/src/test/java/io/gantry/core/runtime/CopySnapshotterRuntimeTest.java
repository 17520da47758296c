package io.gantry.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.testing.Privileged;
import org.junit.jupiter.api.Test;

@Privileged
class CopySnapshotterRuntimeTest {

    @Test
    void the_copy_snapshotter_runs_the_same_container() {
        try (TestEngine engine = TestEngine.start(true)) {
            TestEngine.Result r = engine.run("sh", "-c", "echo hi > /tmp/f; cat /tmp/f; grep ' / ' /proc/self/mounts | cut -d' ' -f3");
            assertThat(r.code()).isZero();
            assertThat(r.stdout()).startsWith("hi\n").doesNotContain("overlay");
        }
    }
}
