package io.gantry.console.app.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.gantry.console.app.AppService;
import io.gantry.console.app.Application;
import io.gantry.console.app.ApplicationService;
import io.gantry.console.app.DockerRunCommand;
import io.gantry.console.app.Edit;
import io.gantry.console.app.EditPlan;
import io.gantry.console.base.ui.UiTasks;
import io.gantry.console.run.ui.DeployProgressPanel;
import io.gantry.console.errors.ConsoleException;
import io.gantry.console.template.TemplateRejectedException;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Edits one service of an application: its settings in tabs with the equivalent {@code docker run} previewed as they
 * change; Save first shows what the change recreates (only that service, and those linking to it when its ports
 * change) and what keeps running, then applies it off the UI thread.
 */
@Route("applications/:id/services/:service")
@PermitAll
class ServiceEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ApplicationService applications;
    private final UiTasks tasks;
    private @Nullable Application app;
    private @Nullable AppService service;
    private @Nullable ServiceForm form;
    final Pre preview = new Pre();
    final Paragraph problem = new Paragraph();
    final Button save = new Button("Save", VaadinIcon.CHECK.create(), e -> saveClicked());
    private final DeployProgressPanel progress = new DeployProgressPanel("Applying the change");
    private String title = "Edit service · Gantry";

    ServiceEditorView(ApplicationService applications, UiTasks tasks) {
        this.applications = applications;
        this.tasks = tasks;
        setId("service-editor");
        preview.setId("edit-docker-run");
        preview.addClassName("gantry-docker-run");
        problem.setId("edit-problem");
        problem.addClassName("gantry-upload-error");
        save.setId("edit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String name = event.getRouteParameters().get("service").orElse("");
        app = event.getRouteParameters().getLong("id").flatMap(applications::find).orElse(null);
        List<AppService> services = app == null ? List.of() : applications.services(app.id());
        service = services.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
        if (app == null || service == null) {
            title = "No such service · Gantry";
            Paragraph missing = new Paragraph("There is no such service; it may have been removed.");
            missing.setId("edit-missing");
            add(missing, new Anchor("applications", "All applications"));
            return;
        }
        title = "Edit " + service.name() + " · " + app.name() + " · Gantry";
        form = new ServiceForm(service, services.stream().map(AppService::name).filter(n -> !n.equals(name)).toList());
        form.onChange(this::updatePreview);
        H2 heading = new H2("Edit " + service.name());
        heading.setId("edit-title");
        add(new Anchor("applications/" + app.id(), "← " + app.name()), heading, form, new H3("As a docker run command"),
                preview, problem, save, progress);
        updatePreview();
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    /** The edited service as the console would create it; a field that does not parse says so instead. */
    private Optional<EditPlan> updatePreview() {
        try {
            Edit edit = new Edit.Change(service.name(), form.edited());
            EditPlan plan = applications.previewEdit(app.id(), edit);
            preview.setText(DockerRunCommand.of(plan.after().container(service.name()).orElseThrow()));
            problem.setText("");
            return Optional.of(plan);
        } catch (ServiceForm.InvalidInput | ConsoleException e) {
            problem.setText(e.getMessage());
            return Optional.empty();
        }
    }

    private void saveClicked() {
        Optional<EditPlan> plan = updatePreview();
        if (plan.isEmpty()) {
            return;
        }
        if (plan.get().leavesContainersAlone()) {
            apply(new Edit.Change(service.name(), form.edited()));
            return;
        }
        confirm(plan.get());
    }

    private void confirm(EditPlan plan) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("edit-plan-dialog");
        dialog.setHeader("Apply the change to " + service.name() + "?");
        UnorderedList steps = new UnorderedList();
        steps.setId("edit-plan");
        steps.addClassName("gantry-edit-plan");
        plan.recreate().forEach(s -> steps.add(step("recreate", s, "is recreated (its named volumes are kept)")));
        plan.create().forEach(s -> steps.add(step("create", s, "is created")));
        plan.remove().forEach(s -> steps.add(step("remove", s, "is removed")));
        plan.realias().forEach(s -> steps.add(step("realias", s, "gets new network aliases, without a restart")));
        plan.untouched().stream().filter(s -> !plan.realias().contains(s))
                .forEach(s -> steps.add(step("untouched", s, "keeps running as it is")));
        dialog.add(steps);
        dialog.setCancelable(true);
        Button cancel = new Button("Cancel", e -> dialog.close());
        cancel.setId("edit-plan-cancel");
        dialog.setCancelButton(cancel);
        Button apply = new Button("Apply", e -> {
            dialog.close();
            apply(new Edit.Change(service.name(), form.edited()));
        });
        apply.setId("edit-plan-confirm");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.setConfirmButton(apply);
        dialog.open();
    }

    private static ListItem step(String kind, String service, String what) {
        ListItem item = new ListItem(service + " " + what);
        item.getElement().setAttribute("data-kind", kind);
        item.getElement().setAttribute("data-service", service);
        return item;
    }

    private void apply(Edit edit) {
        UI ui = UI.getCurrent();
        long id = app.id();
        String name = service.name();
        save.setEnabled(false);
        problem.setText("");
        progress.start(List.of(name));
        tasks.run(ui, () -> {
            applications.applyEdit(id, edit, step -> ui.access(() -> progress.show(step)));
            ui.access(() -> {
                Notification.show("Saved " + name + ".", 4000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                ui.navigate("applications/" + id);
            });
        }, failed -> {
            save.setEnabled(true);
            progress.finish("The change was not applied.", true);
            problem.setText(failed instanceof TemplateRejectedException || failed instanceof ConsoleException
                    ? failed.getMessage() : "The change was not applied.");
        });
    }
}
