package io.gantry.console.app.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import io.gantry.console.app.PublishedPort;
import io.gantry.console.app.ServiceState;
import io.gantry.console.base.ui.DomIds;
import io.gantry.console.base.ui.Sizes;
import io.gantry.console.metrics.ContainerUsage;
import java.util.Locale;

/**
 * One service on the application page: its name (to the service editor), image, live status, CPU and memory, and
 * its published ports as links on the host the browser reached the console by.
 */
class ServiceCard extends Div {

    final StatusBadge status;
    final Span usage = new Span("–");
    final Div ports = new Div();
    private final String browserHost;

    ServiceCard(long applicationId, ServiceState state, String browserHost) {
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
        add(heading, image, usage, ports);
        show(state);
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
