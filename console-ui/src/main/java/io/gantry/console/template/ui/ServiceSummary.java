package io.gantry.console.template.ui;

import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import io.gantry.console.template.EnvVar;
import io.gantry.console.template.Parameter;
import io.gantry.console.template.PortMapping;
import io.gantry.console.template.ServiceLink;
import io.gantry.console.template.TemplateImage;
import io.gantry.console.template.VolumeMount;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One service of a template as a card: image, ports, volumes, links and environment. Values of variables that look
 * like secrets are never sent to the browser, only whether one is set.
 */
class ServiceSummary extends Div {

    static final String MASK = "••••••••";

    ServiceSummary(TemplateImage service) {
        String id = "service-" + TemplatesView.domId(service.name());
        setId(id);
        addClassName("gantry-service");
        add(new H3(service.name()));
        Code image = new Code(service.image());
        image.setId(id + "-image");
        add(row("Image", image));
        if (service.category() != null && !service.category().isBlank()) {
            add(row("Category", new Span(service.category())));
        }
        if (!service.command().isEmpty()) {
            add(row("Command", new Code(String.join(" ", service.command()))));
        }
        add(list(id + "-ports", "Ports", service.ports(), ServiceSummary::port));
        add(list(id + "-volumes", "Volumes", service.volumes(), ServiceSummary::volume));
        add(list(id + "-links", "Links", service.links(), ServiceSummary::link));
        add(list(id + "-environment", "Environment", service.environment(), ServiceSummary::variable));
    }

    private static Div row(String label, com.vaadin.flow.component.Component value) {
        Span name = new Span(label);
        name.addClassName("gantry-service-label");
        Div row = new Div(name, value);
        row.addClassName("gantry-service-row");
        return row;
    }

    private static <T> Div list(String id, String label, List<T> values, Function<T, String> text) {
        if (values.isEmpty()) {
            Span none = new Span("none");
            none.setId(id);
            none.addClassName("gantry-service-none");
            return row(label, none);
        }
        UnorderedList list = new UnorderedList();
        list.setId(id);
        values.forEach(v -> list.add(new ListItem(text.apply(v))));
        return row(label, list);
    }

    static String port(PortMapping port) {
        String host = port.hostPort() == null ? "automatic host port"
                : (port.hostInterface() == null ? "" : port.hostInterface() + ":") + port.hostPort();
        return host + " → " + port.containerPort() + "/" + port.protocol().name().toLowerCase(Locale.ROOT);
    }

    static String volume(VolumeMount volume) {
        String source = volume.source() == null ? "anonymous volume"
                : volume.source() + (volume.isHostPath() ? " (host path)" : " (named volume)");
        return source + " → " + volume.target() + (volume.readOnly() ? " (read-only)" : "");
    }

    static String link(ServiceLink link) {
        return link.service() + " as " + link.alias();
    }

    static String variable(EnvVar env) {
        String value;
        if (env.value() == null || env.value().isEmpty()) {
            value = "not set";
        } else if (Parameter.looksSecret(env.name())) {
            value = MASK + " (secret)";
        } else {
            value = env.value().strip();
        }
        return env.name() + " = " + value + (env.required() ? " (required)" : "");
    }
}
