package io.gantry.console.app.ui;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.gantry.console.app.AppService;
import io.gantry.console.app.Limits;
import io.gantry.console.app.RestartPolicy;
import io.gantry.console.app.ServicePort;
import io.gantry.console.base.ui.EnvironmentRows;
import io.gantry.console.base.ui.PortRows;
import io.gantry.console.template.EnvVar;
import io.gantry.console.template.Parameter;
import io.gantry.console.template.Shell;
import io.gantry.console.template.TemplateFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A service's settings in tabs: ports, environment, volumes, links, command, image, restart policy and limits.
 * Secret values never go to the browser: their fields start empty, and an empty one keeps the value. Reading the
 * form back marks a field that does not parse and says why.
 */
class ServiceForm extends TabSheet {

    static final List<String> POLICIES = List.of("no", "always", "unless-stopped", "on-failure");

    private final AppService original;
    final PortRows ports;
    final EnvironmentRows environment;
    final VolumeRows volumes;
    final LinkRows links;
    final TextField command = new TextField("Command");
    final TextField entrypoint = new TextField("Entrypoint");
    final TextField image = new TextField("Image and tag");
    final Select<String> restart = new Select<>();
    final IntegerField retries = new IntegerField("Retries (on-failure; 0 for no limit)");
    final TextField memory = new TextField("Memory limit");
    final TextField cpus = new TextField("CPU limit");

    /** @param others the other services of the application, which links may name */
    ServiceForm(AppService service, List<String> others) {
        this.original = service;
        setId("edit-tabs");
        ports = new PortRows("edit-port", service.ports().stream().map(p -> new PortRows.Row(
                p.hostPort() == null ? "" : p.hostPort().toString(), Integer.toString(p.containerPort()),
                p.protocol())).toList());
        environment = new EnvironmentRows("edit-env", service.environment().stream().map(e -> new EnvironmentRows.Row(
                e.name(), Parameter.looksSecret(e.name()) || e.value() == null ? "" : e.value())).toList());
        volumes = new VolumeRows(service.volumes());
        links = new LinkRows(others, service.links());
        command.setId("edit-command");
        command.setValue(Shell.join(service.command()));
        command.setPlaceholder("the image's own");
        command.setWidth("40rem");
        entrypoint.setId("edit-entrypoint");
        entrypoint.setValue(Shell.join(service.entrypoint()));
        entrypoint.setPlaceholder("the image's own");
        entrypoint.setWidth("40rem");
        image.setId("edit-image");
        image.setValue(service.image());
        image.setWidth("28rem");
        restart.setId("edit-restart");
        restart.setLabel("Restart policy");
        restart.setItems(POLICIES);
        restart.setValue(service.restart() == null ? "no" : service.restart().name());
        retries.setId("edit-retries");
        retries.setMin(0);
        retries.setValue(service.restart() == null ? 0 : service.restart().maximumRetryCount());
        memory.setId("edit-memory");
        memory.setPlaceholder("no limit, or e.g. 512m");
        memory.setValue(service.limits().memory() == null ? "" : service.limits().memory());
        cpus.setId("edit-cpus");
        cpus.setPlaceholder("no limit, or e.g. 0.5");
        cpus.setValue(service.limits().cpus() == null ? "" : service.limits().cpus());
        add("Ports", ports);
        add("Environment", environment);
        add("Volumes", volumes);
        add("Links", links);
        add("Command", new FormLayout(command, entrypoint));
        add("Image", new FormLayout(image));
        add("Restart", new FormLayout(restart, retries));
        add("Limits", new FormLayout(memory, cpus));
        setWidthFull();
    }

    /** Runs {@code listener} after any edit. */
    void onChange(Runnable listener) {
        ports.onChange(listener);
        environment.onChange(listener);
        volumes.onChange(listener);
        links.onChange(listener);
        for (var field : List.of(command, entrypoint, image, memory, cpus)) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.addValueChangeListener(e -> listener.run());
        }
        restart.addValueChangeListener(e -> listener.run());
        retries.addValueChangeListener(e -> listener.run());
    }

    /**
     * The service as the form says.
     *
     * @throws InvalidInput naming the field and why, which is also marked
     */
    AppService edited() {
        clearMarks();
        return original.toBuilder()
                .image(checked(image, image.getValue().strip(), image.getValue().isBlank() ? "An image is required." : null))
                .ports(ports())
                .environment(environment())
                .volumes(volumes.values())
                .links(links.links())
                .command(words(command))
                .entrypoint(words(entrypoint))
                .restart(restart())
                .limits(limits())
                .build();
    }

    private List<ServicePort> ports() {
        List<ServicePort> result = new ArrayList<>();
        for (PortRows.Row row : ports.values()) {
            try {
                Integer host = row.hostPort().isEmpty() ? null : Integer.valueOf(row.hostPort());
                int container = Integer.parseInt(row.containerPort());
                String hostIp = original.ports().stream().filter(p -> p.containerPort() == container
                        && p.protocol() == row.protocol()).findFirst().map(ServicePort::hostIp).orElse(null);
                result.add(new ServicePort(hostIp, host, container, row.protocol()));
            } catch (IllegalArgumentException e) {
                String message = e instanceof NumberFormatException
                        ? "Ports are numbers from 1 to 65535: " + row.hostPort() + " → " + row.containerPort()
                        : "The " + e.getMessage() + ".";
                ports.markInvalid(message);
                throw new InvalidInput("ports", message);
            }
        }
        return result;
    }

    /** The variables as typed; a secret left empty keeps the value it had. */
    private List<EnvVar> environment() {
        List<EnvVar> result = new ArrayList<>();
        for (EnvironmentRows.Row row : environment.values()) {
            Optional<EnvVar> before = original.environment().stream().filter(e -> e.name().equals(row.name())).findFirst();
            String value = row.value().isEmpty() && Parameter.looksSecret(row.name()) && before.isPresent()
                    ? before.get().value() : row.value();
            result.add(before.map(b -> b.withValue(value)).orElse(EnvVar.of(row.name(), value)));
        }
        return result;
    }

    private List<String> words(TextField field) {
        try {
            return Shell.split(field.getValue(), field.getLabel());
        } catch (TemplateFormatException e) {
            checked(field, "", e.getMessage());
            return List.of();
        }
    }

    private RestartPolicy restart() {
        String name = restart.getValue() == null ? "no" : restart.getValue();
        int count = name.equals("on-failure") && retries.getValue() != null ? retries.getValue() : 0;
        return name.equals("no") && count == 0 && original.restart() == null ? null : new RestartPolicy(name, count);
    }

    private Limits limits() {
        try {
            return new Limits(memory.getValue(), cpus.getValue());
        } catch (IllegalArgumentException e) {
            TextField field = e.getMessage().contains("memory") ? memory : cpus;
            return checked(field, Limits.NONE, "The " + e.getMessage() + ".");
        }
    }

    private <T> T checked(TextFieldBase<?, ?> field, T value, String problem) {
        if (problem != null) {
            field.setInvalid(true);
            field.setErrorMessage(problem);
            throw new InvalidInput(field.getId().orElse(""), problem);
        }
        return value;
    }

    private void clearMarks() {
        ports.clearMarks();
        for (var field : List.of(command, entrypoint, image, memory, cpus)) {
            field.setInvalid(false);
        }
    }

    /** A field of the form does not parse; it is marked with the message. */
    static final class InvalidInput extends RuntimeException {
        final String field;

        InvalidInput(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
