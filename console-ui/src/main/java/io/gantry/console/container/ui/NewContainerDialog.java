package io.gantry.console.container.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.shared.Registration;
import io.gantry.console.container.InvalidContainerException;
import io.gantry.console.container.NewContainer;
import io.gantry.console.container.RunSyntax;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Docker's {@code run} as a form: image and tag, name, command, published ports, volumes, environment, restart
 * policy, memory and CPU limits, and a terminal ({@code -it}). Fires {@link CreateEvent}; the view runs the container.
 */
class NewContainerDialog extends Dialog {

    /** What the form edits; the binder writes into it. */
    static final class Values {
        String image = "";
        String name = "";
        String command = "";
        String environment = "";
        String ports = "";
        String volumes = "";
        boolean terminal;
        String restartPolicy = "no";
        Integer memoryMib = 0;
        Double cpus = 0.0;
    }

    final TextField image = new TextField("Image");
    final TextField name = new TextField("Name");
    final TextField command = new TextField("Command");
    final TextArea environment = new TextArea("Environment");
    final TextArea ports = new TextArea("Published ports");
    final TextArea volumes = new TextArea("Volumes");
    final Checkbox terminal = new Checkbox("Keep a terminal open (docker run -it), to attach to");
    final Select<String> restartPolicy = new Select<>();
    final IntegerField memory = new IntegerField("Memory limit (MiB)");
    final NumberField cpus = new NumberField("CPU limit");
    final Binder<Values> binder = new Binder<>();
    final Button create = new Button("Create and start");

    NewContainerDialog() {
        setId("new-container-dialog");
        setHeaderTitle("New container");
        image.setId("new-image");
        image.setPlaceholder("busybox:latest");
        name.setId("new-name");
        name.setPlaceholder("optional");
        command.setId("new-command");
        command.setPlaceholder("the image's own, or e.g. sh -c 'echo hi; sleep 300'");
        environment.setId("new-env");
        environment.setPlaceholder("NAME=value, one a line");
        ports.setId("new-ports");
        ports.setPlaceholder("host:container, one a line: 8080:80, 127.0.0.1:5353:53/udp, or 80 for any host port");
        volumes.setId("new-volumes");
        volumes.setPlaceholder("volume or host directory:container path, one a line: data:/data, /srv/site:/www:ro");
        terminal.setId("new-terminal");
        restartPolicy.setId("new-restart");
        restartPolicy.setLabel("Restart policy");
        restartPolicy.setItems(NewContainer.RESTART_POLICIES);
        memory.setId("new-memory");
        memory.setMin(0);
        cpus.setId("new-cpus");
        cpus.setMin(0);
        cpus.setStep(0.1);
        bind();
        FormLayout form = new FormLayout(image, name, command, restartPolicy, memory, cpus, ports, volumes, environment,
                terminal);
        form.setColspan(command, 2);
        form.setColspan(environment, 2);
        form.setColspan(terminal, 2);
        add(form);
        create.setId("new-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> submit());
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, create);
        setWidth("44rem");
        binder.readBean(new Values());
    }

    private void bind() {
        binder.forField(image).asRequired("Name the image, such as busybox:latest")
                .bind(v -> v.image, (v, x) -> v.image = x);
        binder.forField(name).withValidator(n -> n.isEmpty() || n.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*"),
                "Letters, digits, _ . and -, starting with a letter or digit").bind(v -> v.name, (v, x) -> v.name = x);
        binder.forField(command).bind(v -> v.command, (v, x) -> v.command = x);
        binder.forField(environment).withValidator(text -> lines(text).stream().allMatch(l -> l.indexOf('=') > 0),
                "Each line is NAME=value").bind(v -> v.environment, (v, x) -> v.environment = x);
        binder.forField(ports).withValidator(lineByLine(RunSyntax::port)).bind(v -> v.ports, (v, x) -> v.ports = x);
        binder.forField(volumes).withValidator(lineByLine(RunSyntax::volume))
                .bind(v -> v.volumes, (v, x) -> v.volumes = x);
        binder.forField(terminal).bind(v -> v.terminal, (v, x) -> v.terminal = x);
        binder.forField(restartPolicy).bind(v -> v.restartPolicy, (v, x) -> v.restartPolicy = x);
        // an emptied field means "no limit"
        binder.forField(memory).withValidator(m -> m == null || m >= 0, "No less than 0")
                .bind(v -> v.memoryMib, (v, x) -> v.memoryMib = x == null ? 0 : x);
        binder.forField(cpus).withValidator(c -> c == null || c >= 0, "No less than 0")
                .bind(v -> v.cpus, (v, x) -> v.cpus = x == null ? 0.0 : x);
    }

    /** Valid when the parser takes every line; otherwise its own words for the first line it refuses. */
    private static Validator<String> lineByLine(Function<String, ?> parser) {
        return (text, context) -> {
            for (String line : lines(text)) {
                try {
                    parser.apply(line);
                } catch (InvalidContainerException e) {
                    return ValidationResult.error(e.getMessage());
                }
            }
            return ValidationResult.ok();
        };
    }

    static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private void submit() {
        Values values = new Values();
        if (!binder.writeBeanIfValid(values)) {
            return;
        }
        NewContainer request;
        try {
            request = new NewContainer(values.image.strip(), values.name.isBlank() ? null : values.name.strip(),
                    values.command, lines(values.environment), lines(values.ports).stream().map(RunSyntax::port).toList(),
                    lines(values.volumes).stream().map(RunSyntax::volume).toList(), values.restartPolicy,
                    values.memoryMib, values.cpus, values.terminal);
        } catch (InvalidContainerException e) {
            environment.setInvalid(true);
            environment.setErrorMessage(e.getMessage());
            return;
        }
        fireEvent(new CreateEvent(this, request));
    }

    Registration addCreateListener(ComponentEventListener<CreateEvent> listener) {
        return addListener(CreateEvent.class, listener);
    }

    /** The form is valid; the request is what to run. */
    static final class CreateEvent extends ComponentEvent<NewContainerDialog> {
        final NewContainer request;

        CreateEvent(NewContainerDialog source, NewContainer request) {
            super(source, false);
            this.request = request;
        }
    }
}
