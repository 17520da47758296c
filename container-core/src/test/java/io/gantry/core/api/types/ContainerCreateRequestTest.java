package io.gantry.core.api.types;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ContainerCreateRequestTest {

    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Test
    void reads_the_body_the_docker_28_cli_sends() throws Exception {
        ContainerCreateRequest request;
        try (InputStream in = getClass().getResourceAsStream("/api/create-docker-28.json")) {
            request = JSON.readValue(in, ContainerCreateRequest.class);
        }

        assertThat(request.config().image()).isEqualTo("busybox");
        assertThat(request.config().cmd()).containsExactly("-c", "echo hi");
        assertThat(request.config().entrypoint()).containsExactly("/bin/sh");
        assertThat(request.config().exposedPorts()).containsOnlyKeys("53/udp", "80/tcp", "9000/tcp");
        assertThat(request.hostConfig().portBindings().get("53/udp").get(0).hostPort()).isEqualTo("5353");
        assertThat(request.hostConfig().restartPolicy().name()).isEqualTo("unless-stopped");
        assertThat(request.hostConfig().memory()).isEqualTo(268435456L);
        assertThat(request.hostConfig().nanoCpus()).isEqualTo(1_500_000_000L);
        assertThat(request.hostConfig().mounts().get(0).readOnly()).isTrue();
        assertThat(request.networkingConfig().endpointsConfig()).containsKey("default");
    }

    @Test
    void writes_the_config_at_the_top_level_as_docker_expects() throws Exception {
        ContainerConfig config = new ContainerConfig(null, null, null, false, false, false, null, false, false, false,
                null, java.util.List.of("true"), "busybox", null, null, null, null, null, null);

        String json = JSON.writeValueAsString(new ContainerCreateRequest(config, null, null));

        assertThat(json).contains("\"Image\":\"busybox\"").contains("\"Cmd\":[\"true\"]").doesNotContain("config");
        assertThat(JSON.readValue(json, ContainerCreateRequest.class).config().image()).isEqualTo("busybox");
    }
}
