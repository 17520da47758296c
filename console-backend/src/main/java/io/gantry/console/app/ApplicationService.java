package io.gantry.console.app;

import io.gantry.console.template.Origin;
import io.gantry.console.template.Parameters;
import io.gantry.console.template.PmxWriter;
import io.gantry.console.template.Template;
import io.gantry.console.template.TemplateEntry;
import io.gantry.console.template.TemplateImage;
import io.gantry.console.template.TemplateLibrary;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications as the console keeps them: create one from a template or an image, list, rename, plan its deployment
 * and its edits, record the containers the engine made, and turn it back into a template. Talks to no engine: the
 * wiring carries out the {@link DeployPlan}s and {@link EditPlan}s it hands out and records what it did here.
 */
@Service
public class ApplicationService {

    private static final int MAX_NAME = 200;

    private final ApplicationRepository repository;
    private final TemplateLibrary library;
    private final Clock clock;

    ApplicationService(ApplicationRepository repository, TemplateLibrary library, Clock clock) {
        this.repository = repository;
        this.library = library;
        this.clock = clock;
    }

    /**
     * Creates an application from a library template with these parameter values.
     *
     * @throws io.gantry.console.template.TemplateNotFoundException  when there is no such template
     * @throws io.gantry.console.template.MissingParameterException when a required parameter has no value
     */
    @Transactional
    public Application createFromTemplate(String name, String templateId, Map<String, String> values,
                                          String engine) {
        Template template = Parameters.apply(library.get(templateId).template(), values);
        return create(name, template, templateId, engine);
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
