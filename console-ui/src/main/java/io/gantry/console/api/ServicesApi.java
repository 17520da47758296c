package io.gantry.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gantry.console.api.ApplicationViews.ApplicationDetail;
import io.gantry.console.api.ApplicationViews.ServiceView;
import io.gantry.console.app.AppService;
import io.gantry.console.app.ApplicationService;
import io.gantry.console.app.Edit;
import io.gantry.console.app.EditPlan;
import java.io.IOException;
import java.net.URI;
import java.util.List;
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

/**
 * {@code /api/applications/{id}/services}: each service's status and settings; adding, changing and removing a
 * service of a running application (only the containers the edit concerns are replaced, the rest keep running), and
 * recreating one that was removed or changed behind the console's back.
 */
@RestController
@RequestMapping(path = "/api/applications/{id}/services", produces = MediaType.APPLICATION_JSON_VALUE)
class ServicesApi {

    /** What an edit did on the engine, and the application after it. */
    record EditResult(List<String> created, List<String> recreated, List<String> removed, List<String> realiased,
                      List<String> untouched, ApplicationDetail application) {
    }

    private final ApplicationService applications;
    private final ApplicationViews views;
    private final ObjectMapper json;

    ServicesApi(ApplicationService applications, ApplicationViews views, ObjectMapper json) {
        this.applications = applications;
        this.views = views;
        this.json = json;
    }

    @GetMapping
    List<ServiceView> list(@PathVariable long id) {
        return views.detail(id).services();
    }

    @GetMapping("/{service}")
    ServiceView get(@PathVariable long id, @PathVariable String service) {
        return views.service(id, service);
    }

    /** Adds a service to the application; a deployed application starts it at once. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EditResult> add(@PathVariable long id, @RequestBody ServiceBody body) {
        AppService service = body.toService();
        EditResult result = apply(id, new Edit.Add(service));
        return ResponseEntity.created(URI.create("/api/applications/" + id + "/services/" + service.name()))
                .body(result);
    }

    /**
     * Changes the fields the body names (a JSON merge patch over the service's settings: a field given replaces the
     * current one, lists as a whole; {@code null} clears it); a {@code name} renames the service.
     */
    @PatchMapping(path = "/{service}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    EditResult change(@PathVariable long id, @PathVariable String service, @RequestBody JsonNode patch)
            throws IOException {
        if (!patch.isObject()) {
            throw new IllegalArgumentException("A change is a JSON object of the fields to change.");
        }
        ObjectNode merged = json.valueToTree(views.service(id, service).settings());
        merged.setAll((ObjectNode) patch);
        ServiceBody edited = json.treeToValue(merged, ServiceBody.class);
        return apply(id, new Edit.Change(service, edited.toService()));
    }

    /** Removes a service no other one needs; its volumes too only with {@code deleteVolumes=true}. */
    @DeleteMapping("/{service}")
    EditResult remove(@PathVariable long id, @PathVariable String service,
                      @RequestParam(defaultValue = "false") boolean deleteVolumes) {
        views.service(id, service);
        return apply(id, new Edit.Remove(service, deleteVolumes));
    }

    /** Replaces the service's container by one made from its settings: for a missing or changed one. */
    @PostMapping("/{service}/recreate")
    ServiceView recreate(@PathVariable long id, @PathVariable String service) {
        views.service(id, service);
        applications.recreate(id, service);
        return views.service(id, service);
    }

    private EditResult apply(long id, Edit edit) {
        EditPlan plan = applications.applyEdit(id, edit, step -> { });
        return new EditResult(plan.create(), plan.recreate(), plan.remove(), plan.realias(), plan.untouched(),
                views.detail(id));
    }
}
