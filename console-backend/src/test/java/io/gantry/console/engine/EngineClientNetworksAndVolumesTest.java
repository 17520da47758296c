package io.gantry.console.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.console.TestEngine;
import io.gantry.core.api.types.ContainerCreateRequest;
import io.gantry.core.api.types.NetworkResource;
import io.gantry.core.api.types.VolumeResource;
import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.testing.Privileged;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The network and volume calls, and listing containers by label, against a real engine. */
@Privileged
class EngineClientNetworksAndVolumesTest {

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    static TestEngine engine;
    static EngineClient client;

    @BeforeAll
    static void start() throws Exception {
        TestEngine.pushBusybox(REGISTRY.host());
        engine = TestEngine.startWithMirror(REGISTRY.host());
        client = new UnixSocketEngineClient(new EngineEndpoint(engine.socket(), true),
                new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false));
        client.pullImage("busybox", "latest", p -> { });
    }

    @AfterAll
    static void stop() throws Exception {
        engine.close();
    }

    @AfterEach
    void removeEverything() {
        client.listContainers(true).forEach(c -> client.removeContainer(c.id(), true));
        client.listNetworks().stream().filter(n -> n.name().startsWith("calls")).forEach(n -> client.removeNetwork(n.id()));
        client.listVolumes().forEach(v -> client.removeVolume(v.name(), true));
    }

    @Test
    void a_created_network_is_listed_inspected_by_name_and_removed() {
        String id = client.createNetwork("calls_default");

        assertThat(client.listNetworks()).extracting(NetworkResource::name).contains("calls_default");
        assertThat(client.inspectNetwork("calls_default").id()).isEqualTo(id);
        assertThatThrownBy(() -> client.createNetwork("calls_default")).isInstanceOf(EngineCallException.class);

        client.removeNetwork("calls_default");
        assertThatThrownBy(() -> client.inspectNetwork("calls_default"))
                .isInstanceOfSatisfying(EngineCallException.class, e -> assertThat(e.isNotFound()).isTrue());
    }

    @Test
    void a_container_connected_with_aliases_is_attached_until_disconnected() {
        client.createNetwork("calls_net");
        String container = client.createContainer("calls-c", EngineClientFixtures.busybox("sleep", "300")).id();
        client.startContainer(container);

        client.connectNetwork("calls_net", container, List.of("db", "mysql"));

        ContainerCreateRequest.EndpointSettings endpoint = client.inspectContainer(container).networkSettings()
                .networks().get("calls_net");
        assertThat(endpoint.aliases()).contains("db", "mysql");
        assertThat(client.inspectNetwork("calls_net").containers()).containsKey(container);

        client.disconnectNetwork("calls_net", container, false);
        assertThat(client.inspectContainer(container).networkSettings().networks()).doesNotContainKey("calls_net");
    }

    @Test
    void containers_are_listed_by_label_key_and_value() {
        var plain = EngineClientFixtures.busybox("true");
        var labelled = new ContainerCreateRequest(new io.gantry.core.api.types.ContainerConfig(null, null, null, false,
                false, false, null, false, false, false, null, List.of("true"), "busybox:latest", null, null, null,
                Map.of("io.gantry.app", "7"), null, null), plain.hostConfig(), null);
        String mine = client.createContainer("calls-mine", labelled).id();
        client.createContainer("calls-other", plain);

        assertThat(client.listContainersLabelled("io.gantry.app=7")).extracting(c -> c.id()).containsExactly(mine);
        assertThat(client.listContainersLabelled("io.gantry.app")).extracting(c -> c.id()).containsExactly(mine);
        assertThat(client.listContainersLabelled("io.gantry.app=8")).isEmpty();
    }

    @Test
    void a_created_volume_is_listed_created_again_as_it_is_and_removed() {
        VolumeResource created = client.createVolume("calls_data");

        assertThat(created.name()).isEqualTo("calls_data");
        assertThat(client.createVolume("calls_data").mountpoint()).isEqualTo(created.mountpoint());
        assertThat(client.listVolumes()).extracting(VolumeResource::name).containsExactly("calls_data");
        assertThat(client.inspectVolume("calls_data").mountpoint()).isEqualTo(created.mountpoint());

        client.removeVolume("calls_data", false);
        assertThat(client.listVolumes()).isEmpty();
        assertThatThrownBy(() -> client.inspectVolume("calls_data"))
                .isInstanceOfSatisfying(EngineCallException.class, e -> assertThat(e.isNotFound()).isTrue());
    }
}
