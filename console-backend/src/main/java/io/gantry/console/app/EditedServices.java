package io.gantry.console.app;

import io.gantry.console.template.ServiceLink;
import io.gantry.console.template.TemplateRejectedException;
import io.gantry.console.template.TemplateValidator;
import io.gantry.console.template.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An application's services with one {@link Edit} applied and checked, remembering a renamed service's old name. */
record EditedServices(List<AppService> services, Optional<Rename> rename) {

    record Rename(String from, String to) {
    }

    String previousName(String service) {
        return rename.filter(r -> r.to().equals(service)).map(Rename::from).orElse(service);
    }

    static EditedServices apply(Application app, List<AppService> current, Edit edit) {
        EditedServices result;
        if (edit instanceof Edit.Change c) {
            result = change(current, c);
        } else if (edit instanceof Edit.Add a) {
            result = add(current, a.service());
        } else {
            result = remove(current, ((Edit.Remove) edit).service());
        }
        ValidationReport report = TemplateValidator.validate(AppServices.toTemplate(app.name(), result.services()));
        if (!report.isValid()) {
            throw new TemplateRejectedException("The edit cannot be applied: " + String.join(" ",
                    report.problems().stream().map(ValidationReport.Problem::message).toList()), report.problems());
        }
        return result;
    }

    private static EditedServices change(List<AppService> current, Edit.Change c) {
        AppService old = find(current, c.service());
        String to = c.edited().name();
        Optional<Rename> rename = to.equals(old.name()) ? Optional.empty() : Optional.of(new Rename(old.name(), to));
        if (rename.isPresent() && current.stream().anyMatch(s -> s.name().equals(to))) {
            throw new ApplicationRejectedException("Service '" + old.name() + "' cannot be renamed to '" + to
                    + "': the application already has a service of that name.");
        }
        List<AppService> services = new ArrayList<>();
        for (AppService s : current) {
            AppService next = s == old ? c.edited().withContainerId(old.containerId()) : s;
            services.add(rename.isPresent() ? renameReferences(next, old.name(), to) : next);
        }
        return new EditedServices(services, rename);
    }

    private static EditedServices add(List<AppService> current, AppService added) {
        if (current.stream().anyMatch(s -> s.name().equals(added.name()))) {
            throw new ApplicationRejectedException("The application already has a service '" + added.name() + "'.");
        }
        List<AppService> services = new ArrayList<>(current);
        services.add(added.withContainerId(null));
        return new EditedServices(services, Optional.empty());
    }

    private static EditedServices remove(List<AppService> current, String name) {
        find(current, name);
        List<String> needing = current.stream().filter(s -> s.needs().contains(name)).map(AppService::name).toList();
        if (!needing.isEmpty()) {
            throw new ApplicationRejectedException("Service '" + name + "' cannot be removed: " + needing.stream()
                    .map(n -> "'" + n + "'").reduce((a, b) -> a + ", " + b).orElseThrow()
                    + " still " + (needing.size() == 1 ? "needs" : "need")
                    + " it (links, depends_on or volumes_from); change " + (needing.size() == 1 ? "that" : "those")
                    + " first.");
        }
        return new EditedServices(current.stream().filter(s -> !s.name().equals(name)).toList(), Optional.empty());
    }

    private static AppService find(List<AppService> services, String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() ->
                new ApplicationRejectedException("The application has no service '" + name + "'."));
    }

    private static AppService renameReferences(AppService s, String from, String to) {
        return s.toBuilder()
                .links(s.links().stream().map(l -> l.service().equals(from)
                        ? new ServiceLink(to, l.alias(), l.origin()) : l).toList())
                .dependsOn(s.dependsOn().stream().map(d -> d.equals(from) ? to : d).toList())
                .volumesFrom(s.volumesFrom().stream().map(v -> v.equals(from) ? to : v).toList())
                .build();
    }
}
