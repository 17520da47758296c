package io.gantry.console.app.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.gantry.console.app.Application;
import io.gantry.console.app.ApplicationService;
import io.gantry.console.app.TemplateDetails;
import io.gantry.console.base.ui.UiTasks;
import io.gantry.console.template.ComposeWriter;
import io.gantry.console.template.TemplateLibrary;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The actions on a whole application: start, stop, restart and remove (off the UI thread; the page follows through
 * the engine's events), rename, save as template, and export as {@code .pmx} or Compose (secrets left out).
 */
class ApplicationActions extends HorizontalLayout {

    private final ApplicationService applications;
    private final UiTasks tasks;
    private Application app;

    ApplicationActions(ApplicationService applications, Application app, UiTasks tasks, TemplateLibrary library,
                       Consumer<Application> onRenamed) {
        this.applications = applications;
        this.app = app;
        this.tasks = tasks;
        setId("app-actions");
        setWrap(true);
        long id = app.id();
        add(button("app-start", "Start", VaadinIcon.PLAY, () -> background("Started", () -> applications.start(id))),
                button("app-stop", "Stop", VaadinIcon.STOP, () -> background("Stopped", () -> applications.stop(id))),
                button("app-restart", "Restart", VaadinIcon.REFRESH,
                        () -> background("Restarted", () -> applications.restart(id))),
                button("app-rename", "Rename", VaadinIcon.EDIT, () -> rename(onRenamed)),
                button("app-save-template", "Save as template", VaadinIcon.RECORDS, () -> new SaveTemplateDialog(
                        applications, this.app, types(library)).open()),
                download("app-export-pmx", "Export .pmx", () -> slug() + ".pmx",
                        () -> applications.previewTemplate(id, details(), false)),
                download("app-export-compose", "Export Compose", () -> "docker-compose.yml",
                        () -> ComposeWriter.write(applications.toTemplate(id, details(), false))),
                remove());
    }

    private Button button(String id, String text, VaadinIcon icon, Runnable action) {
        Button button = new Button(text, icon.create(), e -> action.run());
        button.setId(id);
        return button;
    }

    private Button remove() {
        Button remove = button("app-remove", "Remove", VaadinIcon.TRASH,
                () -> new RemoveApplicationDialog(app.name(), this::removeApplication).open());
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return remove;
    }

    private void background(String done, Runnable work) {
        UI ui = UI.getCurrent();
        tasks.run(ui, () -> {
            work.run();
            ui.access(() -> Notification.show(done + " " + app.name() + ".", 3000, Notification.Position.BOTTOM_END));
        }, failed -> { });
    }

    private void removeApplication(boolean deleteVolumes) {
        UI ui = UI.getCurrent();
        String name = app.name();
        tasks.run(ui, () -> {
            applications.remove(app.id(), deleteVolumes);
            ui.access(() -> {
                Notification.show("Removed " + name + (deleteVolumes ? " and its volumes." : "; its volumes are kept."),
                        5000, Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                ui.navigate("applications");
            });
        }, failed -> { });
    }

    private void rename(Consumer<Application> onRenamed) {
        Dialog dialog = new Dialog();
        dialog.setId("app-rename-dialog");
        dialog.setHeaderTitle("Rename " + app.name());
        TextField field = new TextField("New name");
        field.setId("app-rename-field");
        field.setValue(app.name());
        field.setWidth("20rem");
        Button save = new Button("Rename", e -> {
            app = applications.rename(app.id(), field.getValue());
            dialog.close();
            onRenamed.accept(app);
        });
        save.setId("app-rename-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(field);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private TemplateDetails details() {
        return TemplateDetails.named(app.name());
    }

    private String slug() {
        return app.slug();
    }

    private static Anchor download(String id, String text, Supplier<String> fileName, Supplier<String> content) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = content.get().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName.get(), "application/yaml",
                    bytes.length);
        }), text);
        anchor.setId(id);
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }

    private static TreeSet<String> types(TemplateLibrary library) {
        TreeSet<String> types = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        library.list().forEach(e -> {
            if (e.template().type() != null) {
                types.add(e.template().type());
            }
            e.template().images().stream().map(i -> i.type()).filter(Objects::nonNull).forEach(types::add);
        });
        return types;
    }
}
