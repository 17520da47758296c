package io.gantry.console.app;

import io.gantry.console.template.EnvVar;
import io.gantry.console.template.PortMapping;
import io.gantry.console.template.Template;
import io.gantry.console.template.TemplateImage;
import io.gantry.console.template.TemplateRejectedException;
import io.gantry.console.template.TemplateValidator;
import io.gantry.console.template.ValidationReport;
import java.util.List;
import java.util.Objects;

/** Turns a template's services into an application's and back. */
public final class AppServices {

    private AppServices() {
    }

    /**
     * The services of a template whose parameters are applied.
     *
     * @throws TemplateRejectedException when the template does not validate (each problem names service and field),
     *                                   or still holds a placeholder
     */
    public static List<AppService> fromTemplate(Template template) {
        ValidationReport report = TemplateValidator.validate(template);
        if (!report.isValid()) {
            throw new TemplateRejectedException(template.name() + " cannot be deployed: " + String.join(" ",
                    report.problems().stream().map(ValidationReport.Problem::message).toList()), report.problems());
        }
        return template.images().stream().map(AppServices::fromImage).toList();
    }

    static AppService fromImage(TemplateImage i) {
        try {
            return AppService.builder(i.name(), i.image())
                    .command(i.command()).entrypoint(i.entrypoint())
                    .ports(i.ports().stream().map(AppServices::port).toList())
                    .expose(i.expose().stream().map(e -> number(e, "exposed port")).toList())
                    .environment(i.environment().stream().map(e -> e.value() == null ? e.withValue("") : e).toList())
                    .volumes(i.volumes()).volumesFrom(i.volumesFrom()).links(i.links()).dependsOn(i.dependsOn())
                    .restart(i.restart() == null ? null : RestartPolicy.parse(i.restart()))
                    .limits(new Limits(i.memoryLimit(), i.cpus()))
                    .category(i.category()).description(i.description()).type(i.type())
                    .privileged(i.privileged()).capAdd(i.capAdd()).networkMode(i.networkMode())
                    .build();
        } catch (IllegalArgumentException e) {
            throw new TemplateRejectedException("Service '" + i.name() + "': " + e.getMessage()
                    + " (are all parameters filled in?)", List.of(new ValidationReport.Problem(i.name(), "service",
                    e.getMessage())));
        }
    }

    /** The service as a template's service, for saving an application as a template. */
    public static TemplateImage toImage(AppService s) {
        return TemplateImage.builder(s.name(), s.image())
                .command(s.command()).entrypoint(s.entrypoint())
                .ports(s.ports().stream().map(p -> new PortMapping(p.hostIp(),
                        p.hostPort() == null ? null : p.hostPort().toString(), Integer.toString(p.containerPort()),
                        p.protocol(), io.gantry.console.template.Origin.none())).toList())
                .expose(s.expose().stream().map(String::valueOf).toList())
                .environment(s.environment()).volumes(s.volumes()).volumesFrom(s.volumesFrom()).links(s.links())
                .dependsOn(s.dependsOn())
                .restart(s.restart() == null ? null : s.restart().toString())
                .memoryLimit(s.limits().memory()).cpus(s.limits().cpus())
                .category(s.category()).description(s.description()).type(s.type())
                .privileged(s.privileged()).capAdd(s.capAdd()).networkMode(s.networkMode())
                .build();
    }

    /** The services as a template named {@code name}, to validate an edited application with the template rules. */
    static Template toTemplate(String name, List<AppService> services) {
        return Template.of(name, services.stream().map(AppServices::toImage).toList());
    }

    private static ServicePort port(PortMapping p) {
        Integer host = p.hostPort() == null || p.hostPort().isBlank() ? null : number(p.hostPort(), "host port");
        String ip = p.hostInterface() == null || p.hostInterface().isBlank() ? null : p.hostInterface().trim();
        return new ServicePort(ip, host, number(p.containerPort(), "container port"), p.protocol());
    }

    private static int number(String text, String what) {
        Objects.requireNonNull(text, what);
        if (!text.trim().matches("[0-9]{1,5}")) {
            throw new IllegalArgumentException("the " + what + " '" + text + "' is not a number");
        }
        return Integer.parseInt(text.trim());
    }
}
