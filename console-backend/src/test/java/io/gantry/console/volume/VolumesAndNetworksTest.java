package io.gantry.console.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.console.MirroredEngineTest;
import io.gantry.console.activity.ActivityFilter;
import io.gantry.console.activity.ActivityService;
import io.gantry.console.engine.EngineClient;
import io.gantry.console.image.RemovalResult;
import io.gantry.console.network.InvalidNetworkException;
import io.gantry.console.network.NetworkOperations;
import io.gantry.console.network.NetworkRow;
import io.gantry.core.api.types.ContainerConfig;
import io.gantry.core.api.types.ContainerCreateRequest;
import io.gantry.core.api.types.HostConfig;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The volumes and networks pages' services on a real engine: users named, removal refused while in use, prune. */
class VolumesAndNetworksTest extends MirroredEngineTest {

    @Autowired
    VolumeOperations volumes;
    @Autowired
    NetworkOperations networks;
    @Autowired
    EngineClient engine;
    @Autowired
    ActivityService activity;

    @AfterEach
    void removeEverything() {
        engine.listContainers(true).forEach(c -> engine.removeContainer(c.id(), true));
        engine.listVolumes().forEach(v -> engine.removeVolume(v.name(), true));
        engine.listNetworks().stream().filter(n -> !n.name().equals("bridge")).forEach(n -> engine.removeNetwork(n.id()));
    }

    @Test
    void a_volume_in_use_is_refused_naming_its_container_and_prune_keeps_it() {
        volumes.create("keep");
        volumes.create("spare");
        assertThatThrownBy(() -> volumes.create("keep")).isInstanceOf(InvalidVolumeException.class)
                .hasMessageContaining("exists already");
        assertThatThrownBy(() -> volumes.create("no/slashes")).isInstanceOf(InvalidVolumeException.class);
        container("db", List.of("keep:/data"), null);

        assertThat(volumes.list()).extracting(v -> v.name() + " " + v.usedBy()).containsExactly("keep [db]", "spare []");
        RemovalResult refused = volumes.remove(volumes.list().subList(0, 1));
        assertThat(refused.removed()).isEmpty();
        assertThat(refused.refused()).containsEntry("keep", "in use by db");
        assertThat(volumes.prune()).containsExactly("spare");
        assertThat(volumes.list()).extracting(VolumeRow::name).containsExactly("keep");

        engine.removeContainer("db", true);
        assertThat(volumes.remove(volumes.list()).removed()).containsExactly("keep");
        assertThat(engine.listVolumes()).isEmpty();
        assertThat(activity.find(new ActivityFilter("keep", null, null), 0, 10))
                .extracting(e -> e.action() + (e.failed() ? " failed" : " ok"))
                .contains("volume.create ok", "volume.create failed", "volume.remove failed", "volume.remove ok");
    }

    @Test
    void a_network_in_use_or_built_in_is_refused_with_the_reason_and_prune_removes_the_unused() {
        NetworkRow backend = networks.create("backend");
        networks.create("unused");
        assertThat(backend.subnet()).matches("[0-9.]+/[0-9]+");
        assertThatThrownBy(() -> networks.create("backend")).isInstanceOf(InvalidNetworkException.class);
        container("api", List.of(), "backend");

        assertThat(networks.list()).extracting(n -> n.name() + " " + n.builtIn() + " " + n.usedBy())
                .containsExactly("bridge true []", "backend false [api]", "unused false []");
        RemovalResult refused = networks.remove(networks.list().subList(0, 2));
        assertThat(refused.refused()).containsOnlyKeys("bridge", "backend");
        assertThat(refused.refused().get("backend")).isEqualTo("in use by api");
        assertThat(refused.refused().get("bridge")).contains("engine's own networks");
        assertThat(networks.prune()).containsExactly("unused");

        engine.removeContainer("api", true);
        assertThat(networks.remove(networks.list().stream().filter(n -> !n.builtIn()).toList()).removed())
                .containsExactly("backend");
        assertThat(networks.list()).extracting(NetworkRow::name).containsExactly("bridge");
    }

    private void container(String name, List<String> binds, String network) {
        if (engine.listImages().isEmpty()) {
            engine.pullImage("busybox", "latest", p -> { });
        }
        ContainerConfig config = new ContainerConfig(null, null, null, false, true, true, null, false, false, false,
                null, List.of("sleep", "300"), "busybox:latest", null, null, null, null, null, null);
        HostConfig host = new HostConfig(binds.isEmpty() ? null : binds, null, false, null, false, network, null, null,
                null, 0, 0, 0, 0, null, null, false, null, null, null, false, null, null, null, 0, null);
        engine.createContainer(name, new ContainerCreateRequest(config, host, null));
    }
}
