package io.gantry.console.app;

import io.gantry.console.engine.EngineClient;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies an {@link Edit} to an application: checks it, pulls a new image, carries out its {@link EditPlan} on the
 * engine ({@link EditRun}, all or nothing) and only then records the edited services. An application that was never
 * deployed is only re-recorded.
 */
final class EditApplier {

    private final EngineClient engine;
    private final ApplicationRepository repository;
    private final ImageSupply images;
    private final TransactionTemplate transaction;

    EditApplier(EngineClient engine, ApplicationRepository repository, ImageSupply images,
                TransactionTemplate transaction) {
        this.engine = engine;
        this.repository = repository;
        this.images = images;
        this.transaction = transaction;
    }

    /** @return the plan that was carried out */
    EditPlan apply(Application app, Edit edit, Consumer<DeployProgress> progress) {
        List<AppService> current = repository.services(app.id());
        String operation = "Editing " + app.name();
        EditedServices edited = EditedServices.apply(app, current, edit); // refuses a bad edit before any pull
        if (current.stream().allMatch(s -> s.containerId() == null)) {
            EditPlan plan = EditPlan.of(app, current, edit);
            record(app, plan.services());
            return plan;
        }
        Deployment.refuseUnsupported(operation, edited.services());
        Function<String, ImageDefaults> defaults = images.ensureNew(operation, current, edited.services(), progress);
        EditPlan plan = EditPlan.of(app, current, edit, defaults);
        if (plan.leavesContainersAlone()) {
            record(app, plan.services());
            return plan;
        }
        EditRun run = new EditRun(engine, operation, progress);
        Map<String, String> containers;
        try {
            containers = run.run(plan, current, DeployPlan.of(app, current, defaults));
        } catch (DeployFailedException e) {
            recordRestored(app, run.restored());
            throw e;
        }
        List<AppService> services = plan.services().stream().map(s -> containers.containsKey(s.name())
                ? s.withContainerId(containers.get(s.name())) : s).toList();
        try {
            record(app, services);
        } catch (RuntimeException e) {
            DeployFailedException failure = run.undo("recording the edit", null, e);
            recordRestored(app, run.restored());
            throw failure;
        }
        run.deleteVolumes(plan);
        return plan;
    }

    /**
     * Replaces a service's container by one made from the application's settings, as deploying would make it: for a
     * container removed or changed behind the console's back. A container that holds the service's name but is not
     * the recorded one is removed first; the recorded one is replaced as an edit replaces it (kept stopped if it was
     * stopped), and a missing network or volume is created again.
     *
     * @throws ApplicationRejectedException when the application has no such service
     * @throws DeployFailedException when a step fails, naming the service and the engine's reason
     */
    void recreate(Application app, String service, Consumer<DeployProgress> progress) {
        List<AppService> current = repository.services(app.id());
        AppService target = current.stream().filter(s -> s.name().equals(service)).findFirst().orElseThrow(() ->
                new ApplicationRejectedException("Application '" + app.name() + "' has no service '" + service + "'."));
        String operation = "Recreating service '" + service + "' of " + app.name();
        Deployment.refuseUnsupported(operation, List.of(target));
        Function<String, ImageDefaults> own = images.ensure(operation, List.of(target), progress);
        Function<String, ImageDefaults> others = images.lookup(current, List.of());
        DeployPlan plan = DeployPlan.of(app, current,
                image -> image.equals(target.image()) ? own.apply(image) : others.apply(image));
        String name = plan.container(service).orElseThrow().name();
        EngineObjects.container(engine, name).filter(c -> !c.id().equals(target.containerId()))
                .ifPresent(impostor -> engine.removeContainer(impostor.id(), true));
        EditPlan recreation = new EditPlan(current, plan, List.of(), List.of(service), List.of(), List.of(), List.of(),
                plan.volumes(), List.of());
        EditRun run = new EditRun(engine, operation, progress);
        Map<String, String> containers;
        try {
            containers = run.run(recreation, current, plan);
        } catch (DeployFailedException e) {
            recordRestored(app, run.restored());
            throw e;
        }
        try {
            transaction.executeWithoutResult(status -> repository.setContainer(app.id(), service,
                    containers.get(service)));
        } catch (RuntimeException e) {
            DeployFailedException failure = run.undo("recording the new container", service, e);
            recordRestored(app, run.restored());
            throw failure;
        }
    }

    private void record(Application app, List<AppService> services) {
        transaction.executeWithoutResult(status -> repository.replaceServices(app.id(), services));
    }

    /** The previous services stay recorded; only the containers put back in place of the old ones are new. */
    private void recordRestored(Application app, Map<String, String> restored) {
        transaction.executeWithoutResult(status ->
                restored.forEach((service, container) -> repository.setContainer(app.id(), service, container)));
    }
}
