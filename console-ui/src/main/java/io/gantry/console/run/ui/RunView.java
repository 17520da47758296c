package io.gantry.console.run.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.gantry.console.app.Application;
import io.gantry.console.base.ui.EnvironmentRows;
import io.gantry.console.base.ui.PortRows;
import io.gantry.console.base.ui.UiTasks;
import io.gantry.console.run.RunForm;
import io.gantry.console.run.RunRequest;
import io.gantry.console.run.RunService;
import io.gantry.console.template.EnvVar;
import io.gantry.console.template.MissingParameterException;
import io.gantry.console.template.Origin;
import io.gantry.console.template.PortMapping;
import io.gantry.console.template.TemplateImage;
import io.gantry.console.template.TemplateNotFoundException;
import io.gantry.console.template.TemplateRejectedException;
import io.gantry.console.template.ValidationReport;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The run form: {@code /run?template=bundled:wordpress} or {@code /run?image=busybox:latest}. Parameters, host ports
 * and volumes are filled in; settings that reach beyond the containers are confirmed in a dialog; then the
 * deployment runs off the UI thread and its pulls and services show up as they happen.
 */
@Route("run")
@PermitAll
class RunView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final RunService run;
    private final UiTasks tasks;
    private @Nullable RunForm form;
    final TextField name = new TextField("Application name");
    private @Nullable ParametersForm parameters;
    private @Nullable HostChoicesForm hostChoices;
    private @Nullable PortRows addedPorts;
    private @Nullable EnvironmentRows environment;
    final TextField command = new TextField("Command");
    final UnorderedList problems = new UnorderedList();
    final Button deploy = new Button("Run", VaadinIcon.PLAY.create(), e -> runClicked());
    final DeployProgressPanel progress = new DeployProgressPanel("Deploying");
    private String title = "Run · Gantry";

    RunView(RunService run, UiTasks tasks) {
        this.run = run;
        this.tasks = tasks;
        setId("run-view");
        name.setId("run-name");
        name.setRequired(true);
        name.setWidth("24rem");
        command.setId("run-command");
        command.setPlaceholder("the image's own");
        command.setHelperText("As a shell would read it, e.g. sh -c 'echo hi; sleep 600'");
        command.setWidth("32rem");
        problems.setId("run-problems");
        problems.addClassName("gantry-upload-error");
        deploy.setId("run-deploy");
        deploy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var query = event.getLocation().getQueryParameters();
        removeAll();
        try {
            form = query.getSingleParameter("template").map(run::forTemplate)
                    .or(() -> query.getSingleParameter("image").filter(i -> !i.isBlank()).map(run::forImage))
                    .orElse(null);
        } catch (TemplateNotFoundException e) {
            form = null;
        }
        if (form == null) {
            title = "Nothing to run · Gantry";
            Paragraph missing = new Paragraph("There is nothing to run here: pick a template or an image on the search page.");
            missing.setId("run-missing");
            add(missing, new Anchor("search", "Search"));
            return;
        }
        title = "Run " + form.name() + " · Gantry";
        show(form);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show(RunForm f) {
        H2 heading = new H2("Run " + f.name());
        heading.setId("run-title");
        name.setValue(f.name());
        add(heading, new Paragraph(f.template().images().size() == 1 ? "Image: " + f.template().images().get(0).image()
                : "Services: " + String.join(", ", f.template().images().stream()
                        .map(i -> i.name() + " (" + i.image() + ")").toList())), name);
        parameters = new ParametersForm(f.parameters());
        if (!f.parameters().isEmpty()) {
            add(new H3("Settings"), parameters);
        }
        hostChoices = new HostChoicesForm(f.ports(), f.volumes());
        add(hostChoices);
        if (f.isImageRun()) {
            addedPorts = new PortRows("run-added-ports", List.of());
            environment = new EnvironmentRows("run-env", List.of());
            add(new H3(f.ports().isEmpty() ? "Ports" : "More ports"), addedPorts, new H3("Environment"), environment,
                    command);
        }
        add(problems, deploy, progress);
    }

    private RunRequest request() {
        RunForm f = Objects.requireNonNull(form);
        List<PortMapping> ports = addedPorts == null ? List.of() : addedPorts.values().stream()
                .map(r -> new PortMapping(null, r.hostPort().isEmpty() ? null : r.hostPort(), r.containerPort(),
                        r.protocol(), Origin.none())).toList();
        List<EnvVar> env = environment == null ? List.of() : environment.values().stream()
                .map(r -> EnvVar.of(r.name(), r.value())).toList();
        return new RunRequest(name.getValue(), parameters == null ? Map.of() : parameters.values(),
                hostChoices == null ? Map.of() : hostChoices.hostPorts(),
                hostChoices == null ? Map.of() : hostChoices.volumeSources(), ports, env,
                f.isImageRun() ? command.getValue() : "", false);
    }

    private void runClicked() {
        problems.removeAll();
        if (hostChoices != null) {
            hostChoices.clearMarks();
        }
        if (addedPorts != null) {
            addedPorts.clearMarks();
        }
        RunRequest request = request();
        ValidationReport report;
        try {
            report = run.check(form, request);
            if (parameters != null) {
                parameters.markMissing(List.of(), "");
            }
        } catch (MissingParameterException e) {
            if (parameters != null) {
                parameters.markMissing(e.keys(), e.getMessage());
            }
            problems.add(new ListItem(e.getMessage()));
            return;
        }
        if (!report.isValid()) {
            showProblems(report.problems(), "");
        } else if (report.isDangerous()) {
            new DangersDialog(report.dangers(), () -> start(request.confirmed())).open();
        } else {
            start(request);
        }
    }

    /** Creates the application (refused with its problems shown here), then deploys it in the background. */
    private void start(RunRequest request) {
        Application app;
        try {
            app = run.create(form, request);
        } catch (TemplateRejectedException e) {
            showProblems(e.problems(), e.getMessage());
            return;
        }
        deploy.setEnabled(false);
        progress.start(form.template().images().stream().map(TemplateImage::name).toList());
        UI ui = UI.getCurrent();
        tasks.run(ui, () -> {
            run.deploy(app.id(), step -> ui.access(() -> progress.show(step)));
            ui.access(() -> deployed(app));
        }, failed -> {
            progress.finish(failed.getMessage(), true);
            deploy.setEnabled(true);
        });
    }

    private void deployed(Application app) {
        progress.finish("Deployed " + app.name() + ".", false);
        Button open = new Button("Open " + app.name(), VaadinIcon.ARROW_RIGHT.create(),
                e -> UI.getCurrent().navigate("applications/" + app.id()));
        open.setId("run-open");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(open);
    }

    /** Puts a port or volume problem beside the field it comes from. */
    private void markField(ValidationReport.Problem p) {
        if (p.service() == null || hostChoices == null) {
            return;
        }
        if (p.field().equals("ports")) {
            hostChoices.markPorts(p.service(), p.message());
            if (addedPorts != null) {
                addedPorts.markInvalid(p.message());
            }
        } else if (p.field().equals("volumes")) {
            hostChoices.markVolumes(p.service(), p.message());
        }
    }

    private void showProblems(List<ValidationReport.Problem> found, String summary) {
        if (found.isEmpty()) {
            problems.add(new ListItem(summary));
        }
        for (ValidationReport.Problem p : found) {
            markField(p);
            ListItem item = new ListItem(p.message());
            item.getElement().setAttribute("data-service", p.service() == null ? "" : p.service());
            item.getElement().setAttribute("data-field", p.field());
            problems.add(item);
        }
    }
}
