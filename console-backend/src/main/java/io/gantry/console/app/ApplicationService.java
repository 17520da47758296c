package io.gantry.console.app;

import io.gantry.console.engine.EngineClient;
import io.gantry.console.errors.ConsoleException;
import io.gantry.console.image.ImageOperations;
import io.gantry.console.template.Origin;
import io.gantry.console.template.Parameters;
import io.gantry.console.template.PmxWriter;
import io.gantry.console.template.Template;
import io.gantry.console.template.TemplateEntry;
import io.gantry.console.template.TemplateImage;
import io.gantry.console.template.TemplateLibrary;
import io.gantry.core.api.types.ContainerInspect;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applications: create one from a template or an image, list, rename, deploy it to the engine (all or nothing),
 * start, stop, restart and remove it there, read each service's status, plan its edits, and turn it back into a
 * template. The engine is reached only through {@link EngineClient}; what was deployed is recorded here.
 */
@Service
public class ApplicationService {

    private static final int MAX_NAME = 200;
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationService.class);

    private final ApplicationRepository repository;
    private final TemplateLibrary library;
    private final Clock clock;
    private final EngineClient engine;
    private final ImageSupply images;
    private final EditApplier edits;
    private final ApplicationLocks locks = new ApplicationLocks();
    private final DriftCheck drift;
    private final Reconciliations reconciliations = new Reconciliations();

    /** A registration for news; closing it ends it. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    ApplicationService(ApplicationRepository repository, TemplateLibrary library, Clock clock, EngineClient engine,
                       ImageOperations imageOperations, TransactionTemplate transaction) {
        this.repository = repository;
        this.library = library;
        this.clock = clock;
        this.engine = engine;
        this.images = new ImageSupply(engine, imageOperations);
        this.edits = new EditApplier(engine, repository, images, transaction);
        this.drift = new DriftCheck(engine);
    }

    /**
     * Creates an application from a library template with these parameter values.
     *
     * @param name what to call the application, or null for the template's name
     * @throws io.gantry.console.template.TemplateNotFoundException  when there is no such template
     * @throws io.gantry.console.template.MissingParameterException when a required parameter has no value
     */
    @Transactional
    public Application createFromTemplate(@Nullable String name, String templateId, Map<String, String> values,
                                          String engine) {
        Template template = Parameters.apply(library.get(templateId).template(), values);
        return create(name == null ? template.name() : name, template, templateId, engine);
    }

    /** Creates a one-service application running an image, named after the image's repository. */
    @Transactional
    public Application createFromImage(String image, String engine) {
        String repository = image.replaceAll("@.*$", "").replaceAll(":[^:/]*$", "").replaceAll(".*/", "");
        String service = repository.isEmpty() ? "app" : repository;
        return create(service, Template.of(service, List.of(TemplateImage.builder(service, image).build())), null,
                engine);
    }

    /**
     * Creates an application from a template whose parameters are applied.
     *
     * @param templateId the library template it came from, or null
     * @throws io.gantry.console.template.TemplateRejectedException when the template does not validate
     * @throws ApplicationRejectedException for services in a cycle or an alias naming two services
     */
    @Transactional
    public Application create(String name, Template template, @Nullable String templateId, String engine) {
        String checked = checkName(name);
        List<AppService> services = AppServices.fromTemplate(template);
        Application app = new Application(0, checked, uniqueSlug(checked), templateId, engine,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        DeployPlan.of(app, services); // rejects cycles and clashing aliases before anything is stored
        Application stored = repository.insert(app);
        repository.replaceServices(stored.id(), services);
        return stored;
    }

    /** Every application, on any engine, oldest first. */
    @Transactional(readOnly = true)
    public List<Application> list() {
        return repository.all();
    }

    /** The applications deployed to the engine at this address. */
    @Transactional(readOnly = true)
    public List<Application> listOn(String engine) {
        return repository.onEngine(engine);
    }

    @Transactional(readOnly = true)
    public Optional<Application> find(long id) {
        return repository.find(id);
    }

    /** @throws ApplicationNotFoundException when there is no such application */
    @Transactional(readOnly = true)
    public Application get(long id) {
        return repository.find(id).orElseThrow(() -> new ApplicationNotFoundException(id));
    }

    /** The application's services in its own order, with their container ids. */
    @Transactional(readOnly = true)
    public List<AppService> services(long id) {
        get(id);
        return repository.services(id);
    }

    /** Renames the application; its containers, network and volumes keep their names. */
    @Transactional
    public Application rename(long id, String name) {
        Application app = get(id).withName(checkName(name));
        repository.rename(id, app.name());
        return app;
    }

    /** Forgets the application and its services; what runs on the engine is the wiring's to remove first. */
    @Transactional
    public void removeRecord(long id) {
        if (!repository.delete(id)) {
            throw new ApplicationNotFoundException(id);
        }
    }

    /** What deploying the application creates, with what each image brings itself. */
    @Transactional(readOnly = true)
    public DeployPlan planDeploy(long id, Function<String, ImageDefaults> images) {
        return DeployPlan.of(get(id), services(id), images);
    }

    /**
     * Deploys the application: pulls the images the engine lacks, creates its network and volumes, then creates and
     * starts each service after the ones it needs, and records the containers. Runs on the calling thread, handing
     * each step to {@code progress}; not transactional, since it waits on the engine.
     *
     * @throws DeployFailedException when a step fails: what the deployment created is removed again, and the message
     *                               names the service and the engine's reason
     * @throws ApplicationRejectedException when the application already has containers
     * @throws ApplicationBusyException when other work on it has not finished
     */
    public void deploy(long id, Consumer<DeployProgress> progress) {
        Application app = get(id);
        try {
            locks.exclusively(app, "deploying", () -> deploy(app, progress));
        } finally {
            reconcileQuietly(id);
        }
    }

    private void deploy(Application app, Consumer<DeployProgress> progress) {
        long id = app.id();
        List<AppService> services = repository.services(id);
        if (services.stream().anyMatch(s -> s.containerId() != null)) {
            throw new ApplicationRejectedException("Application '" + app.name() + "' is already deployed.");
        }
        Deployment.refuseUnsupported("Deploying " + app.name(), services);
        Function<String, ImageDefaults> defaults = images.ensure("Deploying " + app.name(), services, progress);
        Map<String, String> containers = new Deployment(engine, app.name(), progress)
                .run(DeployPlan.of(app, services, defaults));
        containers.forEach((service, container) -> repository.setContainer(id, service, container));
    }

    /**
     * Removes the application's containers and network from the engine, its volumes too when {@code deleteVolumes},
     * and then the application itself. What is already gone from the engine is skipped.
     */
    public void remove(long id, boolean deleteVolumes) {
        Application app = get(id);
        locks.exclusively(app, "being removed", () -> {
            new Teardown(engine).remove(app, repository.services(id), deleteVolumes);
            repository.delete(id);
            reconciliations.forget(id);
        });
    }

    /** Starts every service that has a container, each after the ones it needs. */
    public void start(long id) {
        containers(id, false).forEach(engine::startContainer);
    }

    /** Stops every service, each before the ones it needs. */
    public void stop(long id) {
        containers(id, true).forEach(c -> engine.stopContainer(c, null));
    }

    /** Restarts every service, in start order. */
    public void restart(long id) {
        containers(id, false).forEach(engine::restartContainer);
    }

    /**
     * Each service's status as the engine reports it, in the application's order. A service without a container, or
     * whose container the engine no longer has (removed behind the console's back), is {@link ServiceStatus.Missing}.
     */
    public Map<String, ServiceStatus> status(long id) {
        get(id);
        Map<String, ServiceStatus> statuses = new LinkedHashMap<>();
        for (AppService s : repository.services(id)) {
            statuses.put(s.name(), s.container().map(this::statusOf).orElse(ServiceStatus.MISSING));
        }
        return statuses;
    }

    private ServiceStatus statusOf(String container) {
        return EngineObjects.container(engine, container).map(ContainerInspect::state)
                .map(state -> ServiceStatus.fromEngine(state.status(), state.exitCode())).orElse(ServiceStatus.MISSING);
    }

    /** The containers of the services in dependency order, or the reverse; services without one are skipped. */
    private List<String> containers(long id, boolean reversed) {
        get(id);
        List<String> ids = new ArrayList<>(ServiceOrder.of(repository.services(id)).stream()
                .flatMap(s -> s.container().stream()).toList());
        if (reversed) {
            Collections.reverse(ids);
        }
        return ids;
    }

    /**
     * Applies an edit to a running application, changing on the engine only what {@link EditPlan} says: a new image
     * is pulled first (each step handed to {@code progress}), the containers of the services to recreate are
     * replaced one by one in dependency order (stopped and removed, then created and started again with the same
     * named volumes; a service that was stopped stays stopped), an added service is created and started, a removed
     * one stopped and removed; every other container keeps running untouched. The edited services are recorded only
     * once all of that succeeded. An application that was never deployed is only re-recorded. Runs on the calling
     * thread; not transactional, since it waits on the engine.
     *
     * @return the plan that was carried out
     * @throws DeployFailedException when a step fails: the containers the edit had replaced are put back (new
     *                               containers from the previous settings, started if they ran) and what it created
     *                               is removed, nothing of the edit is recorded, and the message names the service and
     *                               the engine's reason
     * @throws ApplicationRejectedException when the edit cannot be done (no such service, a name taken, a removed
     *                                      service still needed, a cycle)
     * @throws ApplicationBusyException when other work on the application has not finished
     * @throws io.gantry.console.template.TemplateRejectedException when the edited services break a template rule
     */
    public EditPlan applyEdit(long id, Edit edit, Consumer<DeployProgress> progress) {
        Application app = get(id);
        try {
            return locks.exclusively(app, "with an edit", () -> edits.apply(app, edit, progress));
        } finally {
            reconcileQuietly(id);
        }
    }

    /**
     * Replaces a service's container by one made from the application's settings, as a deployment makes it: the way
     * to put right a service that a {@link #reconcile reconciliation} found {@link ServiceDrift.Missing missing} or
     * {@link ServiceDrift.Changed changed}. A container holding the service's name that the console did not create
     * is removed; the service's named volumes are kept; one that was stopped stays stopped.
     *
     * @throws ApplicationRejectedException when there is no such service
     * @throws ApplicationBusyException when other work on the application has not finished
     * @throws DeployFailedException when a step fails, naming the service and the engine's reason
     */
    public void recreate(long id, String service) {
        recreate(id, service, step -> { });
    }

    /** {@link #recreate(long, String)}, handing each step (a pull too) to {@code progress}. */
    public void recreate(long id, String service, Consumer<DeployProgress> progress) {
        Application app = get(id);
        try {
            locks.exclusively(app, "recreating a service", () -> edits.recreate(app, service, progress));
        } finally {
            reconcileQuietly(id);
        }
    }

    /**
     * Compares each service's container on the engine with what the application says it should be, remembers the
     * result ({@link #lastReconciliation}) and tells the {@link #onReconciled listeners}. The console does this at
     * start and whenever the engine reports a change to one of the application's containers.
     *
     * @throws io.gantry.console.engine.EngineUnreachableException when no engine answers
     */
    public Reconciliation reconcile(long id) {
        Application app = get(id);
        List<AppService> services = repository.services(id);
        Reconciliation reconciliation = new Reconciliation(id, clock.instant(),
                drift.check(app, services, images.lookup(services, List.of())));
        reconciliations.put(reconciliation);
        return reconciliation;
    }

    /** The latest reconciliation of the application, without asking the engine; empty before the first. */
    public Optional<Reconciliation> lastReconciliation(long id) {
        return reconciliations.latest(id);
    }

    /**
     * Hands every new reconciliation to {@code listener}, on the thread that made it (not a UI thread), until the
     * subscription is closed.
     */
    public Subscription onReconciled(Consumer<Reconciliation> listener) {
        return reconciliations.listen(listener);
    }

    /** Whether a deployment, edit, recreation or removal of the application is under way. */
    boolean isBusy(long id) {
        return locks.isBusy(id);
    }

    /** After work on the engine: the state is fresh news, but an engine gone meanwhile must not hide the outcome. */
    private void reconcileQuietly(long id) {
        try {
            if (repository.find(id).isPresent()) {
                reconcile(id);
            }
        } catch (ConsoleException e) {
            LOG.debug("Reconciling application {} after a change failed: {}", id, e.getMessage());
        }
    }

    /**
     * What an edit would do on the engine, with what the engine's images bring (images it lacks count as bringing
     * nothing; nothing is pulled), for the page to show before the user confirms.
     */
    public EditPlan previewEdit(long id, Edit edit) {
        Application app = get(id);
        List<AppService> current = repository.services(id);
        EditedServices edited = EditedServices.apply(app, current, edit);
        return EditPlan.of(app, current, edit, images.lookup(current, edited.services()));
    }

    /** What an edit does on the engine; nothing is stored until {@link #recordEdit}. */
    @Transactional(readOnly = true)
    public EditPlan planEdit(long id, Edit edit, Function<String, ImageDefaults> images) {
        return EditPlan.of(get(id), services(id), edit, images);
    }

    /** Stores the services of a carried-out edit. */
    @Transactional
    public void recordEdit(long id, EditPlan plan) {
        get(id);
        repository.replaceServices(id, plan.services());
    }

    /** Stores the container a service now runs as, or null when it has none. */
    @Transactional
    public void recordContainer(long id, String service, @Nullable String containerId) {
        if (!repository.setContainer(get(id).id(), service, containerId)) {
            throw new ApplicationRejectedException("Application " + id + " has no service '" + service + "'.");
        }
    }

    /** The application as a template; secret values are emptied unless {@code includeSecrets}. */
    @Transactional(readOnly = true)
    public Template toTemplate(long id, TemplateDetails details, boolean includeSecrets) {
        Template template = new Template(details.name(), details.description(), details.keywords(), details.type(),
                details.documentation(), List.of(), services(id).stream().map(AppServices::toImage).toList(),
                Origin.none());
        return includeSecrets ? template : Parameters.withoutSecrets(template);
    }

    /** The {@code .pmx} the application would be saved as, for a preview. */
    @Transactional(readOnly = true)
    public String previewTemplate(long id, TemplateDetails details, boolean includeSecrets) {
        return PmxWriter.write(toTemplate(id, details, includeSecrets));
    }

    /** Saves the application as a user template in the library. */
    @Transactional
    public TemplateEntry saveAsTemplate(long id, TemplateDetails details, boolean includeSecrets) {
        return library.save(toTemplate(id, details, includeSecrets), includeSecrets);
    }

    private String uniqueSlug(String name) {
        String base = DockerNames.slug(name);
        String slug = base;
        for (int n = 2; repository.slugTaken(slug); n++) {
            slug = DockerNames.alternative(base, n);
        }
        return slug;
    }

    private static String checkName(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            throw new ApplicationRejectedException("An application needs a name of 1 to " + MAX_NAME
                    + " characters.");
        }
        return trimmed;
    }
}
