package io.gantry.console.app;

import io.gantry.console.engine.EngineClient;
import io.gantry.console.errors.ConsoleException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a {@link DeployPlan} on an engine: the network, the volumes, then each container created and started
 * in plan order. All or nothing: when a step fails, everything this deployment created is removed again (containers
 * in reverse order, then the volumes and the network it made; what existed before is left alone).
 */
final class Deployment {

    private static final Logger LOG = LoggerFactory.getLogger(Deployment.class);

    private final EngineClient engine;
    private final String app;
    private final Consumer<DeployProgress> progress;
    private final List<String> containers = new ArrayList<>();
    private final List<String> volumes = new ArrayList<>();
    private @Nullable String network;

    Deployment(EngineClient engine, String app, Consumer<DeployProgress> progress) {
        this.engine = engine;
        this.app = app;
        this.progress = progress;
    }

    /**
     * @return service name → id of the container it runs as, in plan order
     * @throws DeployFailedException naming the service (or the network or volume) that failed, with the engine's
     *                               reason, once what was created is removed
     */
    Map<String, String> run(DeployPlan plan) {
        Map<String, String> started = new LinkedHashMap<>();
        String step = "network " + plan.network();
        String service = null;
        try {
            createNetwork(plan);
            for (String volume : plan.volumes()) {
                step = "volume " + volume;
                createVolume(volume);
            }
            for (ContainerSettings c : plan.containers()) {
                service = c.service();
                step = "service '" + service + "'";
                started.put(service, createAndStart(c));
            }
            return started;
        } catch (ConsoleException e) {
            rollBack();
            throw new DeployFailedException("Deploying " + app + ": " + step + " failed: " + e.getMessage(), service, e);
        }
    }

    /**
     * Refuses, before anything is pulled or created, what Gantry's engine refuses and the console has no replacement
     * for yet: {@code volumes_from}.
     *
     * @param operation what is done, to begin the message with: {@code Deploying Shop}
     */
    static void refuseUnsupported(String operation, List<AppService> services) {
        for (AppService s : services) {
            if (!s.volumesFrom().isEmpty()) {
                throw new DeployFailedException(operation + ": service '" + s.name()
                        + "' uses volumes_from, which is not supported yet; give it the same named volumes instead.",
                        s.name(), null);
            }
        }
    }

    private void createNetwork(DeployPlan plan) {
        if (plan.containers().stream().anyMatch(ContainerSettings::onApplicationNetwork)) {
            engine.createNetwork(plan.network());
            network = plan.network();
            progress.accept(new DeployProgress.NetworkCreated(plan.network()));
        }
    }

    private void createVolume(String volume) {
        if (EngineObjects.exists(() -> engine.inspectVolume(volume))) {
            return; // kept from an earlier deployment (removed without its volumes): its data is the point
        }
        engine.createVolume(volume);
        volumes.add(volume);
        progress.accept(new DeployProgress.VolumeCreated(volume));
    }

    private String createAndStart(ContainerSettings c) {
        String id = engine.createContainer(c.name(), ContainerRequests.of(c)).id();
        containers.add(id);
        engine.startContainer(id);
        progress.accept(new DeployProgress.ServiceStarted(c.service(), id));
        return id;
    }

    /** Best effort: a step that fails here is skipped so that the others still run, and the first error is kept. */
    private void rollBack() {
        for (int i = containers.size() - 1; i >= 0; i--) {
            String id = containers.get(i);
            undo("container " + id, () -> engine.removeContainer(id, true));
        }
        for (String volume : volumes) {
            undo("volume " + volume, () -> engine.removeVolume(volume, true));
        }
        if (network != null) {
            String name = network;
            undo("network " + name, () -> engine.removeNetwork(name));
        }
    }

    private void undo(String what, Runnable removal) {
        try {
            removal.run();
            progress.accept(new DeployProgress.RolledBack(what));
        } catch (ConsoleException e) {
            // the failure the user must see is the deployment's; a leftover is logged and shows in the engine's lists
            LOG.warn("Deploying {}: could not remove {} again: {}", app, what, e.getMessage());
        }
    }
}
