package io.gantry.console.api;

import io.gantry.console.app.AppService;
import io.gantry.console.app.Application;
import io.gantry.console.app.ApplicationService;
import io.gantry.console.app.ApplicationSummary;
import io.gantry.console.app.Reconciliation;
import io.gantry.console.app.ServiceDrift;
import io.gantry.console.app.ServiceStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** The wire records of applications and services, read from the application service. */
@Component
class ApplicationViews {

    /**
     * An application at a glance.
     *
     * @param state     {@code RUNNING}, {@code STOPPED}, {@code DEGRADED} or {@code INCOMPLETE}
     * @param attention a sentence per service that needs a look
     */
    record ApplicationView(long id, String name, String slug, @Nullable String template, String engine,
                           Instant created, String state, int up, int total, List<String> attention) {
    }

    record ApplicationDetail(long id, String name, String slug, @Nullable String template, String engine,
                             Instant created, String state, int up, int total, List<String> attention,
                             List<ServiceView> services) {
    }

    /**
     * One service with its container.
     *
     * @param status      {@code running}, {@code restarting}, {@code paused}, {@code created}, {@code exited} or
     *                    {@code missing}
     * @param exitCode    for {@code exited}
     * @param drift       from the latest reconciliation: {@code in-sync}, {@code missing}, {@code changed}, or
     *                    {@code unknown} before the first
     * @param differences for {@code changed}: what differs from the application's settings
     */
    record ServiceView(String name, String image, @Nullable String containerId, String status,
                       @Nullable Integer exitCode, String drift, List<String> differences, ServiceBody settings) {
    }

    private final ApplicationService applications;

    ApplicationViews(ApplicationService applications) {
        this.applications = applications;
    }

    ApplicationView view(Application app) {
        ApplicationSummary summary = ApplicationSummary.of(applications.status(app.id()));
        return new ApplicationView(app.id(), app.name(), app.slug(), app.templateId(), app.engine(), app.created(),
                summary.state().name(), summary.up(), summary.total(), summary.attention());
    }

    ApplicationDetail detail(long id) {
        Application app = applications.get(id);
        Map<String, ServiceStatus> statuses = applications.status(id);
        ApplicationSummary summary = ApplicationSummary.of(statuses);
        Optional<Reconciliation> drift = applications.lastReconciliation(id);
        List<ServiceView> services = applications.services(id).stream()
                .map(s -> service(s, statuses.get(s.name()), drift)).toList();
        return new ApplicationDetail(app.id(), app.name(), app.slug(), app.templateId(), app.engine(), app.created(),
                summary.state().name(), summary.up(), summary.total(), summary.attention(), services);
    }

    ServiceView service(long id, String name) {
        Map<String, ServiceStatus> statuses = applications.status(id);
        AppService service = applications.services(id).stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Application " + id
                        + " has no service '" + name + "'."));
        return service(service, statuses.get(name), applications.lastReconciliation(id));
    }

    private static ServiceView service(AppService s, ServiceStatus status, Optional<Reconciliation> reconciliation) {
        ServiceDrift drift = reconciliation.map(r -> r.services().get(s.name())).orElse(null);
        String driftName = drift == null ? "unknown" : drift instanceof ServiceDrift.InSync ? "in-sync"
                : drift instanceof ServiceDrift.Missing ? "missing" : "changed";
        List<String> differences = drift instanceof ServiceDrift.Changed c ? c.differences() : List.of();
        Integer exitCode = status instanceof ServiceStatus.Exited x ? x.exitCode() : null;
        return new ServiceView(s.name(), s.image(), s.containerId(), statusName(status), exitCode, driftName,
                differences, ServiceBody.of(s));
    }

    private static String statusName(ServiceStatus status) {
        return status.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }
}
