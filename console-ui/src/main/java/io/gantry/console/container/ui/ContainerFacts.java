package io.gantry.console.container.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.gantry.console.base.ui.Sizes;
import io.gantry.console.container.ContainerDetails;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** A container's configuration and last run as a grid of labelled facts (the dashboard's style). */
class ContainerFacts extends Div {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    /** @param browserHost the host name the browser reached the console by, for links to published ports */
    ContainerFacts(ContainerDetails d, String browserHost) {
        setId("container-facts");
        addClassName("gantry-facts");
        fact("container-image", "Image", d.image());
        fact("container-id", "ID", d.id().length() > 12 ? d.id().substring(0, 12) : d.id());
        fact("container-command", "Command", d.command());
        fact("container-created", "Created", time(d.created()));
        fact("container-started", "Started", time(d.startedAt()));
        fact("container-finished", "Finished", time(d.finishedAt()));
        fact("container-exit-code", "Exit code", d.exitCode() == null ? "—" : d.exitCode().toString());
        fact("container-oom", "Killed for lack of memory", d.oomKilled() ? "yes" : "no");
        fact("container-restart-policy", "Restart policy", d.restartPolicy());
        fact("container-restart-count", "Restarts", Integer.toString(d.restartCount()));
        fact("container-memory", "Memory limit", d.memoryLimit() == 0 ? "none" : Sizes.human(d.memoryLimit()));
        fact("container-cpus", "CPU limit", d.cpus() == 0 ? "none" : String.valueOf(d.cpus()));
        fact("container-workdir", "Working directory", d.workingDir() == null ? "/" : d.workingDir());
        fact("container-user", "User", d.user() == null ? "root" : d.user());
        if (d.error() != null) {
            fact("container-error", "Error", d.error());
        }
        ports(d, browserHost);
        fact("container-mounts", "Mounts", d.mounts().isEmpty() ? "none" : d.mounts().stream()
                .map(m -> m.source() + " → " + m.destination() + (m.readOnly() ? " (read-only)" : "") + " [" + m.type() + "]")
                .collect(Collectors.joining("\n")));
        fact("container-networks", "Networks", d.networks().isEmpty() ? "none" : String.join(", ", d.networks()));
    }

    /** Published ports as links to the host the browser reached the console on (or the address they are bound to). */
    private void ports(ContainerDetails d, String browserHost) {
        Div links = new Div();
        links.setId("container-ports");
        links.addClassName("gantry-fact-value");
        if (d.ports().isEmpty()) {
            links.setText("none");
        }
        for (ContainerDetails.PublishedPort p : d.ports()) {
            String host = p.onEveryAddress() ? browserHost : p.hostIp();
            String text = host + ":" + p.hostPort() + " → " + p.containerPort();
            if (p.containerPort().endsWith("/tcp")) {
                String address = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
                Anchor link = new Anchor("http://" + address + ":" + p.hostPort() + "/", text);
                link.setTarget("_blank");
                links.add(new Div(link));
            } else {
                links.add(new Div(new Span(text)));
            }
        }
        Span name = new Span("Published ports");
        name.addClassName("gantry-fact-label");
        Div fact = new Div(name, links);
        fact.addClassName("gantry-fact");
        add(fact);
    }

    private static String time(@Nullable Instant time) {
        return time == null ? "—" : TIME.format(time);
    }

    private void fact(String id, String label, String value) {
        Span name = new Span(label);
        name.addClassName("gantry-fact-label");
        Span text = new Span(value);
        text.setId(id);
        text.addClassName("gantry-fact-value");
        Div fact = new Div(name, text);
        fact.addClassName("gantry-fact");
        add(fact);
    }
}
