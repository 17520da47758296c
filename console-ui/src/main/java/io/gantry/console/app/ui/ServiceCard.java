package io.gantry.console.app.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.gantry.console.app.PublishedPort;
import io.gantry.console.app.ServiceDrift;
import io.gantry.console.app.ServiceState;
import io.gantry.console.base.ui.DomIds;
import io.gantry.console.base.ui.Sizes;
import io.gantry.console.metrics.ContainerUsage;
import java.util.Locale;

/**
 * One service on the application page: its name (to the service editor), image, live status, CPU and memory, its
 * published ports as links on the host the browser reached the console by, and what changed behind the console's
 * back with a way to recreate it.
 */
class ServiceCard extends Div {

    final StatusBadge status;
    final Span usage = new Span("–");
    final Div ports = new Div();
    final Div drift = new Div();
    final Button recreate = new Button("Recreate", VaadinIcon.REFRESH.create());
    final Button remove = new Button(VaadinIcon.TRASH.create());
    private final String browserHost;

    /**
     * @param onRecreate puts the service's container right after it was removed or changed behind the console's back
     * @param onRemove   removes the service from the application
     */
    ServiceCard(long applicationId, ServiceState state, String browserHost, Runnable onRecreate, Runnable onRemove) {
        this.browserHost = browserHost;
        String id = "svc-" + DomIds.of(state.name());
        setId(id);
        addClassName("gantry-service");
        Anchor name = new Anchor("applications/" + applicationId + "/services/" + state.name(), state.name());
        name.setId(id + "-edit");
        name.setTitle("Edit " + state.name());
        status = new StatusBadge(id + "-status");
        H4 heading = new H4(name, new Span(" "), status);
        Code image = new Code(state.service().image());
        image.setId(id + "-image");
        usage.setId(id + "-usage");
        usage.addClassName("gantry-service-usage");
        ports.setId(id + "-ports");
        ports.addClassName("gantry-service-ports");
        drift.setId(id + "-drift");
        drift.addClassName("gantry-hit-error");
        recreate.setId(id + "-recreate");
        recreate.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        recreate.addClickListener(e -> onRecreate.run());
        recreate.setVisible(false);
        remove.setId(id + "-remove");
        remove.setAriaLabel("Remove the service " + state.name());
        remove.setTooltipText("Remove the service " + state.name());
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
        remove.addClickListener(e -> onRemove.run());
        heading.add(remove);
        add(heading, image, usage, ports, drift, recreate);
        show(state);
    }

    /**
     * Shows what the latest reconciliation found: nothing when the container is the console's, else what is wrong
     * and the way to put it right.
     */
    void showDrift(ServiceDrift found) {
        drift.removeAll();
        drift.getElement().setAttribute("data-drift", found instanceof ServiceDrift.Missing ? "missing"
                : found instanceof ServiceDrift.Changed ? "changed" : "in-sync");
        if (found instanceof ServiceDrift.Missing) {
            drift.add(new Span("Its container is gone (removed outside the console)."));
        } else if (found instanceof ServiceDrift.Changed changed) {
            drift.add(new Span("Its container was changed outside the console:"));
            UnorderedList differences = new UnorderedList();
            changed.differences().forEach(d -> differences.add(new ListItem(d)));
            drift.add(differences);
        }
        recreate.setVisible(!(found instanceof ServiceDrift.InSync));
    }

    /** Shows the service's status and ports as the engine has them now. */
    void show(ServiceState state) {
        status.show(state.status());
        ports.removeAll();
        for (PublishedPort p : state.published()) {
            String host = p.hostIp().isEmpty() || p.hostIp().equals("0.0.0.0") || p.hostIp().equals("::")
                    ? browserHost : p.hostIp();
            String label = host + ":" + p.hostPort() + " → " + p.containerPort() + "/" + p.protocol();
            if (p.isTcp()) {
                Anchor link = new Anchor("http://" + hostForUrl(host) + ":" + p.hostPort() + "/", label);
                link.setTarget("_blank");
                link.getElement().setAttribute("rel", "noopener noreferrer");
                link.getElement().setAttribute("data-host-port", Integer.toString(p.hostPort()));
                ports.add(link);
            } else {
                ports.add(new Span(label));
            }
        }
        if (!state.status().isUp()) {
            usage.setText("–");
        }
    }

    void showUsage(ContainerUsage reading) {
        usage.setText(String.format(Locale.ROOT, "CPU %.1f%% · memory %s", reading.cpuPercent(),
                Sizes.human(reading.memoryBytes())));
        usage.getElement().setAttribute("data-cpu", String.format(Locale.ROOT, "%.2f", reading.cpuPercent()));
        usage.getElement().setAttribute("data-memory", Long.toString(reading.memoryBytes()));
    }

    private static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
