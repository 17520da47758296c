package io.gantry.console.app;

import io.gantry.console.engine.EngineClient;
import io.gantry.console.errors.ConsoleException;
import io.gantry.core.api.types.ContainerInspect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out an {@link EditPlan} on an engine, all or nothing. A container to replace is stopped and removed just
 * before its successor is created, because an engine may hold a published host port from a container's creation
 * (Gantry's does) and the successor often keeps the port. When a step fails, everything this edit created is removed
 * again and every container it took away is created anew from the settings it had, and started if it ran: the
 * application is back as it was, with its data, since everything a service keeps lives in named volumes.
 */
final class EditRun {

    private static final Logger LOG = LoggerFactory.getLogger(EditRun.class);

    /** A container this edit took away, and what to put back when a later step fails. */
    private record TakenAway(ContainerSettings settings, boolean wasRunning) {
    }

    /** A kept container whose aliases this edit changed. */
    private record Realiased(String service, String container, String network, List<String> aliasesBefore) {
    }

    private final EngineClient engine;
    private final String operation;
    private final Consumer<DeployProgress> progress;
    private final List<String> createdContainers = new ArrayList<>();
    private final List<String> createdVolumes = new ArrayList<>();
    private final List<TakenAway> takenAway = new ArrayList<>();
    private final List<Realiased> realiased = new ArrayList<>();
    private final Map<String, String> restored = new LinkedHashMap<>();
    private @Nullable String createdNetwork;

    /** @param operation what is done, to begin messages with: {@code Editing Shop} */
    EditRun(EngineClient engine, String operation, Consumer<DeployProgress> progress) {
        this.engine = engine;
        this.operation = operation;
        this.progress = progress;
    }

    /**
     * @param current the services before the edit, with their containers
     * @param before  the deploy plan of the services before the edit, for putting back what a failure undoes
     * @return service name → id of its new container, for every service created or recreated, in plan order
     * @throws DeployFailedException naming the service (or network, volume) that failed with the engine's reason,
     *                               once the application is back as it was; {@link #restored()} then tells the
     *                               containers that were put back
     */
    Map<String, String> run(EditPlan plan, List<AppService> current, DeployPlan before) {
        Map<String, String> started = new LinkedHashMap<>();
        String step = "network " + plan.after().network();
        String service = null;
        try {
            ensureNetwork(plan.after());
            for (String volume : plan.newVolumes()) {
                step = "volume " + volume;
                createVolume(volume);
            }
            for (String kept : plan.realias()) { // first: a service created below may link to the new alias
                service = kept;
                step = "service '" + kept + "'";
                realias(find(plan.services(), kept), plan.after().container(kept).orElseThrow(), before);
            }
            for (String removed : plan.remove()) {
                service = removed;
                step = "service '" + removed + "'";
                takeAway(removed, containerOf(current, removed), before.container(removed).orElseThrow());
            }
            for (ContainerSettings next : plan.after().containers()) {
                service = next.service();
                step = "service '" + service + "'";
                if (plan.recreate().contains(service)) {
                    AppService old = find(plan.services(), service);
                    String oldName = current.stream().filter(s -> s.containerId() != null
                            && s.containerId().equals(old.containerId())).map(AppService::name).findFirst()
                            .orElse(service);
                    boolean wasRunning = takeAway(service, old.containerId(),
                            before.container(oldName).orElse(next));
                    started.put(service, create(next, wasRunning));
                } else if (plan.create().contains(service)) {
                    started.put(service, create(next, true));
                }
            }
            return started;
        } catch (ConsoleException e) {
            throw undo(step, service, e);
        }
    }

    /**
     * Undoes a run that the engine carried out but that could not be recorded, so that engine and record agree.
     *
     * @return the failure to throw
     */
    DeployFailedException undo(String step, @Nullable String service, RuntimeException cause) {
        List<String> problems = rollBack();
        return new DeployFailedException(operation + ": " + step + " failed: " + cause.getMessage()
                + (problems.isEmpty() ? " Nothing was changed: the application runs as before."
                : " Putting the application back failed for " + String.join("; ", problems) + "."), service, cause);
    }

    /** After a failed run: service name (as before the edit) → the container put back in place of its old one. */
    Map<String, String> restored() {
        return Map.copyOf(restored);
    }

    /** Once the edit is recorded: deletes the volumes the plan lets go. A failure is logged; the edit stands. */
    void deleteVolumes(EditPlan plan) {
        for (String volume : plan.deleteVolumes()) {
            try {
                EngineObjects.ignoringMissing(() -> engine.removeVolume(volume, false));
            } catch (ConsoleException e) {
                LOG.warn("{}: volume {} was kept: {}", operation, volume, e.getMessage());
            }
        }
    }

    private void ensureNetwork(DeployPlan after) {
        boolean needed = after.containers().stream().anyMatch(ContainerSettings::onApplicationNetwork);
        if (needed && !EngineObjects.exists(() -> engine.inspectNetwork(after.network()))) {
            engine.createNetwork(after.network());
            createdNetwork = after.network();
            progress.accept(new DeployProgress.NetworkCreated(after.network()));
        }
    }

    private void createVolume(String volume) {
        if (!EngineObjects.exists(() -> engine.inspectVolume(volume))) {
            engine.createVolume(volume);
            createdVolumes.add(volume);
            progress.accept(new DeployProgress.VolumeCreated(volume));
        }
    }

    /**
     * Stops and removes a service's container, remembering how to put it back.
     *
     * @return whether it ran (or had no container at all, which the successor then makes good by running)
     */
    private boolean takeAway(String service, @Nullable String container, ContainerSettings settings) {
        if (container == null) {
            return true;
        }
        Optional<ContainerInspect> inspect = inspect(container);
        if (inspect.isEmpty()) {
            return true; // removed behind the console's back: nothing to stop or to put back
        }
        ContainerInspect.State state = inspect.get().state();
        boolean running = state.running() || state.restarting() || state.paused();
        if (state.running() && !state.paused()) {
            engine.stopContainer(container, null);
        }
        engine.removeContainer(container, true);
        takenAway.add(new TakenAway(settings, running));
        progress.accept(new DeployProgress.ServiceRemoved(service, container));
        return running;
    }

    private String create(ContainerSettings c, boolean start) {
        String id = engine.createContainer(c.name(), ContainerRequests.of(c)).id();
        createdContainers.add(id);
        if (start) {
            engine.startContainer(id);
            progress.accept(new DeployProgress.ServiceStarted(c.service(), id));
        } else {
            progress.accept(new DeployProgress.ServiceCreated(c.service(), id));
        }
        return id;
    }

    private void realias(AppService kept, ContainerSettings next, DeployPlan before) {
        String container = kept.containerId();
        if (container == null || inspect(container).isEmpty()) {
            return; // no container to rename on the network; recreating the service gives it the new aliases
        }
        List<String> old = before.containers().stream().filter(c -> c.name().equals(next.name())).findFirst()
                .map(ContainerSettings::networkAliases).orElse(List.of());
        engine.disconnectNetwork(next.network(), container, true);
        realiased.add(new Realiased(kept.name(), container, next.network(), old));
        engine.connectNetwork(next.network(), container, next.networkAliases());
        progress.accept(new DeployProgress.ServiceRealiased(kept.name(), next.networkAliases()));
    }

    /** Best effort, each step on its own, so that one failure does not stop the others; returns what failed. */
    private List<String> rollBack() {
        List<String> problems = new ArrayList<>();
        for (int i = createdContainers.size() - 1; i >= 0; i--) {
            String id = createdContainers.get(i);
            undo(problems, "container " + id, () -> EngineObjects.ignoringMissing(() -> engine.removeContainer(id, true)));
        }
        for (Realiased r : realiased) {
            undo(problems, "the aliases of service '" + r.service() + "'", () -> {
                EngineObjects.ignoringMissing(() -> engine.disconnectNetwork(r.network(), r.container(), true));
                engine.connectNetwork(r.network(), r.container(), r.aliasesBefore());
            });
        }
        for (TakenAway t : takenAway) {
            undo(problems, "service '" + t.settings().service() + "'", () -> {
                String id = engine.createContainer(t.settings().name(), ContainerRequests.of(t.settings())).id();
                restored.put(t.settings().service(), id);
                if (t.wasRunning()) {
                    engine.startContainer(id);
                }
            });
        }
        for (String volume : createdVolumes) {
            undo(problems, "volume " + volume, () -> engine.removeVolume(volume, true));
        }
        if (createdNetwork != null) {
            String network = createdNetwork;
            undo(problems, "network " + network, () -> engine.removeNetwork(network));
        }
        return problems;
    }

    private void undo(List<String> problems, String what, Runnable step) {
        try {
            step.run();
            progress.accept(new DeployProgress.RolledBack(what));
        } catch (ConsoleException e) {
            LOG.warn("{}: could not put back {}: {}", operation, what, e.getMessage());
            problems.add(what + " (" + e.getMessage() + ")");
        }
    }

    private Optional<ContainerInspect> inspect(String container) {
        return EngineObjects.container(engine, container);
    }

    private static @Nullable String containerOf(List<AppService> services, String name) {
        return find(services, name).containerId();
    }

    private static AppService find(List<AppService> services, String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
