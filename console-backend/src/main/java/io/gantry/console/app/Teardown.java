package io.gantry.console.app;

import io.gantry.console.engine.EngineClient;
import io.gantry.core.api.types.ContainerSummary;
import io.gantry.core.api.types.VolumeResource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes what an application has on an engine: its containers (those the console recorded and any other carrying
 * its label), its network, and, when asked, its volumes (every volume named {@code <slug>_…}: a slug holds no
 * {@code _}, so no other application's volume starts so). What is already gone is skipped.
 */
final class Teardown {

    private final EngineClient engine;

    Teardown(EngineClient engine) {
        this.engine = engine;
    }

    void remove(Application app, List<AppService> services, boolean deleteVolumes) {
        Set<String> containers = new LinkedHashSet<>();
        services.forEach(s -> s.container().ifPresent(containers::add));
        engine.listContainersLabelled(ContainerSettings.APP_LABEL + "=" + app.id()).stream()
                .map(ContainerSummary::id).forEach(containers::add);
        containers.forEach(id -> EngineObjects.ignoringMissing(() -> engine.removeContainer(id, true)));
        EngineObjects.ignoringMissing(() -> engine.removeNetwork(DockerNames.network(app.slug())));
        if (deleteVolumes) {
            String prefix = app.slug() + "_";
            engine.listVolumes().stream().map(VolumeResource::name).filter(n -> n.startsWith(prefix))
                    .forEach(v -> EngineObjects.ignoringMissing(() -> engine.removeVolume(v, false)));
        }
    }
}
