package io.gantry.core.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EngineInstanceTest {

    @Test
    void the_default_data_root_uses_the_plain_names() {
        EngineInstance instance = EngineInstance.forDataRoot(Path.of("/var/lib/gantry"));

        assertThat(instance.runDir()).isEqualTo(Path.of("/run/gantry"));
        assertThat(instance.bridgeName(0)).isEqualTo("gantry0");
        assertThat(instance.nftTable()).isEqualTo("gantry");
        assertThat(instance.cgroupName()).isEqualTo("gantry");
    }

    @Test
    void another_data_root_gets_names_of_its_own() {
        EngineInstance a = EngineInstance.forDataRoot(Path.of("/tmp/a"));
        EngineInstance b = EngineInstance.forDataRoot(Path.of("/tmp/b"));

        assertThat(a.bridgeName(0)).isNotEqualTo(b.bridgeName(0));
        assertThat(a.nftTable()).isNotEqualTo(b.nftTable()).startsWith("gantry_");
        assertThat(a.runDir()).isNotEqualTo(b.runDir());
        assertThat(a.runDir().getParent()).isEqualTo(Path.of("/run"));
    }

    @Test
    void the_same_data_root_always_maps_to_the_same_names() {
        assertThat(EngineInstance.forDataRoot(Path.of("/tmp/x/../a")))
                .isEqualTo(EngineInstance.forDataRoot(Path.of("/tmp/a")));
    }

    @Test
    void bridge_names_fit_the_kernels_fifteen_byte_limit() {
        EngineInstance instance = EngineInstance.forDataRoot(Path.of("/some/very/long/data/root/for/a/test"));

        assertThat(instance.bridgeName(99)).hasSizeLessThanOrEqualTo(15);
    }

    @Test
    void run_directories_leave_room_for_socket_names_under_108_bytes() {
        EngineInstance instance = EngineInstance.forDataRoot(Path.of("/a/very/long/maven/target/directory/of/a/test"));

        assertThat(instance.runDir().resolve("gantry.sock").toString().length()).isLessThan(60);
    }

    @Test
    void a_bridge_index_beyond_two_digits_is_refused() {
        EngineInstance instance = EngineInstance.forDataRoot(Path.of("/tmp/a"));

        assertThatThrownBy(() -> instance.bridgeName(100)).hasMessageContaining("0..99");
    }
}
