package io.gantry.core.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.core.errors.InvalidArgumentException;
import io.gantry.core.image.oci.ImageConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessDefaultsTest {

    static final ImageConfig.ContainerConfig IMAGE = new ImageConfig.ContainerConfig("www-data", Map.of(),
            List.of("PATH=/usr/bin", "A=image"), List.of("docker-entrypoint.sh"), List.of("apache2-foreground"),
            Map.of(), "/var/www/html", Map.of(), "SIGWINCH", null);

    static ProcessDefaults.Overrides overrides(List<String> entrypoint, List<String> cmd, List<String> env) {
        return new ProcessDefaults.Overrides(entrypoint, cmd, env, "", "", null, false);
    }

    @Test
    void without_overrides_the_image_decides() {
        ProcessDefaults.Process p = ProcessDefaults.merge(IMAGE, overrides(null, null, List.of()));

        assertThat(p.argv()).containsExactly("docker-entrypoint.sh", "apache2-foreground");
        assertThat(p.workingDir()).isEqualTo("/var/www/html");
        assertThat(p.user()).isEqualTo("www-data");
        assertThat(p.stopSignal()).isEqualTo("SIGWINCH");
        assertThat(p.env()).containsExactly("PATH=/usr/bin", "A=image");
    }

    @Test
    void a_command_replaces_the_images_command_behind_its_entrypoint() {
        assertThat(ProcessDefaults.merge(IMAGE, overrides(null, List.of("bash"), List.of())).argv())
                .containsExactly("docker-entrypoint.sh", "bash");
    }

    @Test
    void an_entrypoint_replaces_the_images_and_drops_its_command() {
        assertThat(ProcessDefaults.merge(IMAGE, overrides(List.of("/bin/sh"), null, List.of())).argv())
                .containsExactly("/bin/sh");
        assertThat(ProcessDefaults.merge(IMAGE, overrides(List.of("/bin/sh"), List.of("-c", "true"), List.of())).argv())
                .containsExactly("/bin/sh", "-c", "true");
    }

    @Test
    void an_empty_entrypoint_resets_it() {
        assertThat(ProcessDefaults.merge(IMAGE, overrides(List.of(""), List.of("true"), List.of())).argv())
                .containsExactly("true");
    }

    @Test
    void environment_overlays_the_image_by_name_and_path_has_a_default() {
        ProcessDefaults.Process p = ProcessDefaults.merge(null, overrides(null, List.of("x"), List.of("A=user", "B=2")));

        assertThat(p.env()).containsExactly("A=user", "B=2", ProcessDefaults.DEFAULT_PATH);
        assertThat(ProcessDefaults.merge(IMAGE, overrides(null, null, List.of("A=user"))).env())
                .containsExactly("PATH=/usr/bin", "A=user");
    }

    @Test
    void nothing_to_run_is_a_clear_error() {
        assertThatThrownBy(() -> ProcessDefaults.merge(null, overrides(null, null, List.of())))
                .isInstanceOf(InvalidArgumentException.class).hasMessage("no command specified");
    }

    @Test
    void a_terminal_gets_a_term() {
        assertThat(ProcessDefaults.merge(null, new ProcessDefaults.Overrides(null, List.of("sh"), List.of(), null, null,
                null, true)).env()).contains("TERM=xterm");
    }

    @Test
    void signals_are_parsed_as_docker_does() {
        assertThat(Signals.parse("SIGTERM")).isEqualTo(15);
        assertThat(Signals.parse("kill")).isEqualTo(9);
        assertThat(Signals.parse("10")).isEqualTo(10);
        assertThat(Signals.parse("SIGRTMIN+3")).isEqualTo(37);
        assertThatThrownBy(() -> Signals.parse("SIGNOPE")).hasMessage("invalid signal: SIGNOPE");
    }
}
