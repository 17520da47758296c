package io.gantry.console.run;

import io.gantry.console.app.Application;
import io.gantry.console.app.ApplicationService;
import io.gantry.console.app.DeployProgress;
import io.gantry.console.engine.EngineCallException;
import io.gantry.console.engine.EngineClient;
import io.gantry.console.engine.EngineEndpoint;
import io.gantry.console.template.Parameters;
import io.gantry.console.template.PortMapping;
import io.gantry.console.template.Protocol;
import io.gantry.console.template.Shell;
import io.gantry.console.template.Template;
import io.gantry.console.template.TemplateEntry;
import io.gantry.console.template.TemplateImage;
import io.gantry.console.template.TemplateLibrary;
import io.gantry.console.template.ValidationReport;
import io.gantry.console.template.VolumeMount;
import io.gantry.core.api.types.ContainerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The run form of a template or an image, and running it: the user's host ports, volumes and parameter values are
 * applied to the template, settings that reach beyond the containers need confirming, and a deployment that fails
 * leaves no application behind.
 */
@Service
public class RunService {

    private final TemplateLibrary library;
    private final ApplicationService applications;
    private final EngineClient engine;
    private final EngineEndpoint endpoint;

    RunService(TemplateLibrary library, ApplicationService applications, EngineClient engine, EngineEndpoint endpoint) {
        this.library = library;
        this.applications = applications;
        this.engine = engine;
        this.endpoint = endpoint;
    }

    /** @throws io.gantry.console.template.TemplateNotFoundException when there is no such template */
    public RunForm forTemplate(String templateId) {
        TemplateEntry entry = library.get(templateId);
        return form(entry.template().name(), templateId, entry.template(), null);
    }

    /**
     * A one-service form for an image; when the engine has the image, its exposed ports and volumes are offered.
     *
     * @param reference {@code busybox}, {@code nginx:1.27}, {@code registry.example.com/team/app:1}
     */
    public RunForm forImage(String reference) {
        String image = reference.strip();
        String service = serviceName(image);
        TemplateImage.Builder builder = TemplateImage.builder(service, image);
        ContainerConfig config = localConfig(image);
        if (config != null && config.exposedPorts() != null) {
            config.exposedPorts().keySet().stream().sorted().forEach(key -> builder.port(exposed(key)));
        }
        if (config != null && config.volumes() != null) {
            config.volumes().keySet().stream().sorted().forEach(path -> builder.volume(null, path));
        }
        return form(service, null, Template.of(service, List.of(builder.build())), service);
    }

    /**
     * The template as it would run: the user's host ports, volumes and additions, then the parameter values.
     *
     * @throws io.gantry.console.template.MissingParameterException naming each required parameter left empty
     */
    public Template prepare(RunForm form, RunRequest request) {
        List<TemplateImage> images = new ArrayList<>();
        for (TemplateImage image : form.template().images()) {
            TemplateImage.Builder b = image.toBuilder()
                    .ports(image.ports().stream().map(p -> hostPort(image.name(), p, request)).toList())
                    .volumes(image.volumes().stream().map(v -> volume(image.name(), v, request)).toList());
            if (image.name().equals(form.image())) {
                request.addedPorts().forEach(b::port);
                List<io.gantry.console.template.EnvVar> env = new ArrayList<>(image.environment());
                env.addAll(request.addedEnvironment());
                b.environment(env);
                if (!request.command().isBlank()) {
                    b.command(Shell.split(request.command(), "command"));
                }
            }
            images.add(b.build());
        }
        return Parameters.apply(form.template().withImages(images), request.values());
    }

    /**
     * Checks the prepared template: its problems (each naming service and field) stop the run; its dangers (what
     * reaches beyond the containers) need the user's confirmation.
     *
     * @throws io.gantry.console.template.MissingParameterException naming each required parameter left empty
     */
    public ValidationReport check(RunForm form, RunRequest request) {
        return library.check(prepare(form, request));
    }

    /**
     * Creates the application from the filled form (not yet deployed).
     *
     * @throws DangersNotConfirmedException when it has dangers the request did not confirm
     * @throws io.gantry.console.template.TemplateRejectedException when the result breaks a template rule (each
     *                                                             problem names service and field)
     */
    public Application create(RunForm form, RunRequest request) {
        Template template = prepare(form, request);
        ValidationReport report = library.check(template);
        if (report.isDangerous() && !request.dangersConfirmed()) {
            throw new DangersNotConfirmedException(report.dangers());
        }
        return applications.create(request.name(), template, form.templateId(), endpoint.url());
    }

    /**
     * Deploys an application just created, reporting each step; when it fails, what it created on the engine is
     * removed (by the deployment) and so is the application, so the form can be corrected and run again.
     */
    public void deploy(long applicationId, Consumer<DeployProgress> progress) {
        try {
            applications.deploy(applicationId, progress);
        } catch (RuntimeException e) {
            applications.removeRecord(applicationId);
            throw e;
        }
    }

    static RunForm form(String name, @Nullable String templateId, Template template, @Nullable String image) {
        List<PortChoice> ports = new ArrayList<>();
        List<VolumeChoice> volumes = new ArrayList<>();
        // A host port or volume written as a parameter is asked for once, as that parameter.
        for (TemplateImage service : template.images()) {
            service.ports().stream().filter(p -> !parameterised(p.hostPort()) && !parameterised(p.containerPort()))
                    .forEach(p -> ports.add(new PortChoice(service.name(), p.containerPort(), p.protocol(),
                            p.hostPort())));
            service.volumes().stream().filter(v -> !parameterised(v.source()) && !parameterised(v.target()))
                    .forEach(v -> volumes.add(new VolumeChoice(service.name(), v.target(), v.source())));
        }
        return new RunForm(name, templateId, template, Parameters.of(template), ports, volumes, image);
    }

    private static boolean parameterised(@Nullable String text) {
        return text != null && text.contains("${");
    }

    private static PortMapping hostPort(String service, PortMapping port, RunRequest request) {
        String key = new PortChoice(service, port.containerPort(), port.protocol(), null).key();
        if (!request.hostPorts().containsKey(key)) {
            return port;
        }
        String chosen = request.hostPorts().get(key).strip();
        return new PortMapping(port.hostInterface(), chosen.isEmpty() ? null : chosen, port.containerPort(),
                port.protocol(), port.origin());
    }

    private static VolumeMount volume(String service, VolumeMount volume, RunRequest request) {
        String key = new VolumeChoice(service, volume.target(), null).key();
        if (!request.volumeSources().containsKey(key)) {
            return volume;
        }
        String chosen = request.volumeSources().get(key).strip();
        return new VolumeMount(chosen.isEmpty() ? null : chosen, volume.target(), volume.readOnly(), volume.origin());
    }

    private @Nullable ContainerConfig localConfig(String image) {
        try {
            return engine.inspectImage(image).config();
        } catch (EngineCallException e) {
            return null; // not pulled yet: the user adds ports and volumes themselves
        }
    }

    /** {@code 80/tcp} as a port published on a host port the engine chooses. */
    private static PortMapping exposed(String dockerKey) {
        String[] parts = dockerKey.split("/", 2);
        Protocol protocol = parts.length > 1 && parts[1].equalsIgnoreCase("udp") ? Protocol.UDP : Protocol.TCP;
        return new PortMapping(null, null, parts[0], protocol, io.gantry.console.template.Origin.none());
    }

    /** The repository's last path component, as a service name may be written: {@code team/my_app:1} → {@code my_app}. */
    static String serviceName(String image) {
        String repository = image.replaceAll("@.*$", "").replaceAll(":[^:/]*$", "").replaceAll(".*/", "");
        String name = repository.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "-").replaceAll("^[^a-z0-9]+", "");
        return name.isEmpty() ? "app" : name.length() > 63 ? name.substring(0, 63) : name;
    }
}
