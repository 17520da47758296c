package io.gantry.console.container.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.gantry.console.base.ui.Sizes;
import io.gantry.console.container.ContainerDetails;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** A container's configuration and last run as a grid of labelled facts (the dashboard's style). */
class ContainerFacts extends Div {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    ContainerFacts(ContainerDetails d) {
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
