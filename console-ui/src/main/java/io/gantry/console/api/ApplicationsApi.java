package io.gantry.console.api;

import io.gantry.console.api.ApplicationViews.ApplicationDetail;
import io.gantry.console.api.ApplicationViews.ApplicationView;
import io.gantry.console.app.Application;
import io.gantry.console.app.ApplicationService;
import io.gantry.console.app.DeployFailedException;
import io.gantry.console.app.TemplateDetails;
import io.gantry.console.engine.EngineEndpoint;
import io.gantry.console.metrics.ApplicationMetrics;
import io.gantry.console.metrics.MetricsService;
import io.gantry.console.template.TemplateEntry;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/applications}: applications of the engine the console drives, deployed, run, removed, saved. */
@RestController
@RequestMapping(path = "/api/applications", produces = MediaType.APPLICATION_JSON_VALUE)
class ApplicationsApi {

    /**
     * What to deploy: a library {@code template} with {@code parameters} (keys as the template's parameters name
     * them), or one {@code image}. {@code deploy=false} only records the application.
     */
    record DeployRequest(@Nullable String name, @Nullable String template, @Nullable Map<String, String> parameters,
                         @Nullable String image, @Nullable Boolean deploy) {
    }

    record Rename(String name) {
    }

    /** What a template made from an application says about itself; secret values only with {@code includeSecrets}. */
    record SaveTemplate(String name, @Nullable String description, @Nullable List<String> keywords,
                        @Nullable String type, @Nullable String documentation, boolean includeSecrets) {
        TemplateDetails details() {
            return new TemplateDetails(name == null ? "" : name, description, keywords == null ? List.of() : keywords,
                    type, documentation);
        }
    }

    record TemplatePreview(String pmx) {
    }

    private final ApplicationService applications;
    private final ApplicationViews views;
    private final EngineEndpoint endpoint;
    private final MetricsService metrics;

    ApplicationsApi(ApplicationService applications, ApplicationViews views, EngineEndpoint endpoint,
                    MetricsService metrics) {
        this.applications = applications;
        this.views = views;
        this.endpoint = endpoint;
        this.metrics = metrics;
    }

    /** The applications of the engine the console drives. */
    @GetMapping
    List<ApplicationView> list() {
        return applications.listOn(endpoint.url()).stream().map(views::view).toList();
    }

    @GetMapping("/{id}")
    ApplicationDetail get(@PathVariable long id) {
        return views.detail(id);
    }

    /**
     * Creates and deploys an application; the answer comes once every service runs. A deployment that fails removes
     * what it created and the application with it, and answers 409 naming the service and the engine's reason.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApplicationDetail> create(@RequestBody DeployRequest request) {
        Application app = record(request);
        if (!Boolean.FALSE.equals(request.deploy())) {
            try {
                applications.deploy(app.id(), step -> { });
            } catch (DeployFailedException e) {
                applications.removeRecord(app.id());
                throw e;
            }
        }
        return ResponseEntity.created(URI.create("/api/applications/" + app.id())).body(views.detail(app.id()));
    }

    /** Deploys an application recorded with {@code deploy=false} (or whose deployment was removed). */
    @PostMapping("/{id}/deploy")
    ApplicationDetail deploy(@PathVariable long id) {
        applications.deploy(id, step -> { });
        return views.detail(id);
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ApplicationDetail rename(@PathVariable long id, @RequestBody Rename rename) {
        applications.rename(id, rename.name() == null ? "" : rename.name());
        return views.detail(id);
    }

    /** Removes the containers, the network and the record; the volumes too only with {@code deleteVolumes=true}. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable long id, @RequestParam(defaultValue = "false") boolean deleteVolumes) {
        applications.remove(id, deleteVolumes);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/start")
    ApplicationDetail start(@PathVariable long id) {
        applications.start(id);
        return views.detail(id);
    }

    @PostMapping("/{id}/stop")
    ApplicationDetail stop(@PathVariable long id) {
        applications.stop(id);
        return views.detail(id);
    }

    @PostMapping("/{id}/restart")
    ApplicationDetail restart(@PathVariable long id) {
        applications.restart(id);
        return views.detail(id);
    }

    /** CPU (100 = one CPU) and memory of each service from the engine's stats, with the sums. */
    @GetMapping("/{id}/metrics")
    ApplicationMetrics metrics(@PathVariable long id) {
        return metrics.application(id);
    }

    /** The {@code .pmx} the application would be saved as. */
    @PostMapping(path = "/{id}/template/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    TemplatePreview previewTemplate(@PathVariable long id, @RequestBody SaveTemplate request) {
        return new TemplatePreview(applications.previewTemplate(id, request.details(), request.includeSecrets()));
    }

    /** Saves the application as a user template in the library. */
    @PostMapping(path = "/{id}/template", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TemplatesApi.TemplateSummary> saveAsTemplate(@PathVariable long id,
                                                                @RequestBody SaveTemplate request) {
        TemplateEntry entry = applications.saveAsTemplate(id, request.details(), request.includeSecrets());
        return ResponseEntity.created(URI.create("/api/templates/" + entry.id())).body(TemplatesApi.summary(entry));
    }

    private Application record(DeployRequest request) {
        boolean fromTemplate = request.template() != null && !request.template().isBlank();
        boolean fromImage = request.image() != null && !request.image().isBlank();
        if (fromTemplate == fromImage) {
            throw new IllegalArgumentException("Give either a template (with its parameters) or an image to deploy.");
        }
        if (fromTemplate) {
            String name = request.name() == null || request.name().isBlank() ? null : request.name();
            return applications.createFromTemplate(name, request.template(),
                    request.parameters() == null ? Map.of() : request.parameters(), endpoint.url());
        }
        Application app = applications.createFromImage(request.image().strip(), endpoint.url());
        return request.name() == null || request.name().isBlank() ? app : applications.rename(app.id(), request.name());
    }
}
