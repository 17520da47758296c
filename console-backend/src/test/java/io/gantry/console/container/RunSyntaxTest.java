package io.gantry.console.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.console.app.ServicePort;
import io.gantry.console.app.VolumeBinding;
import io.gantry.console.template.Protocol;
import org.junit.jupiter.api.Test;

class RunSyntaxTest {

    @Test
    void ports_are_read_as_docker_run_p_takes_them() {
        assertThat(RunSyntax.port("8080:80")).isEqualTo(new ServicePort(null, 8080, 80, Protocol.TCP));
        assertThat(RunSyntax.port(" 80 ")).isEqualTo(new ServicePort(null, null, 80, Protocol.TCP));
        assertThat(RunSyntax.port("127.0.0.1:5353:53/udp")).isEqualTo(new ServicePort("127.0.0.1", 5353, 53, Protocol.UDP));
        assertThat(RunSyntax.port("127.0.0.1::80")).isEqualTo(new ServicePort("127.0.0.1", null, 80, Protocol.TCP));
    }

    @Test
    void a_malformed_or_out_of_range_port_is_refused_with_the_line() {
        assertThatThrownBy(() -> RunSyntax.port("web:80")).isInstanceOf(InvalidContainerException.class)
                .hasMessageContaining("web:80");
        assertThatThrownBy(() -> RunSyntax.port("8080:70000")).isInstanceOf(InvalidContainerException.class)
                .hasMessageContaining("out of range");
    }

    @Test
    void volumes_are_named_volumes_or_host_directories() {
        assertThat(RunSyntax.volume("data:/var/lib/data"))
                .isEqualTo(new VolumeBinding(VolumeBinding.Kind.VOLUME, "data", "/var/lib/data", false));
        assertThat(RunSyntax.volume("/srv/site:/www:ro"))
                .isEqualTo(new VolumeBinding(VolumeBinding.Kind.BIND, "/srv/site", "/www", true));
        assertThat(RunSyntax.volume("data:/data:rw").readOnly()).isFalse();
    }

    @Test
    void a_relative_container_path_or_a_bad_name_is_refused() {
        assertThatThrownBy(() -> RunSyntax.volume("data:var")).hasMessageContaining("must be absolute");
        assertThatThrownBy(() -> RunSyntax.volume("bad name:/x")).hasMessageContaining("volume name");
        assertThatThrownBy(() -> RunSyntax.volume("/only")).hasMessageContaining("data:/var/lib/data");
        assertThatThrownBy(() -> RunSyntax.volume("a:/b:rx")).hasMessageContaining("a:/b:rx");
    }
}
