package io.gantry.console.metrics.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import io.gantry.console.base.ui.Sizes;
import io.gantry.console.metrics.HostFacts;
import io.gantry.console.metrics.MetricsService;
import jakarta.annotation.security.PermitAll;

/** The home page: the engine the console drives and the host the containers run on. */
@Route("dashboard")
@RouteAlias("")
@PageTitle("Dashboard · Gantry")
@PermitAll
public class DashboardView extends VerticalLayout {

    DashboardView(MetricsService metrics) {
        HostFacts host = metrics.hostFacts();
        add(new H2("This host"), facts(
                fact("host-name", "Host", host.hostname()),
                fact("host-os", "Operating system", host.operatingSystem()),
                fact("host-kernel", "Kernel", host.kernel()),
                fact("host-cpus", "CPUs", Integer.toString(host.cpus())),
                fact("host-memory", "Memory used / total",
                        Sizes.human(host.memoryUsedBytes()) + " / " + Sizes.human(host.memoryTotalBytes())),
                fact("host-disk-free", "Disk free under data root", Sizes.human(host.diskFreeBytes())),
                fact("host-cgroups", "cgroups", host.cgroupMode()),
                fact("host-overlayfs", "overlayfs", host.overlayfs() ? "available" : "not available"),
                fact("host-userns", "User namespaces", host.userNamespaces() ? "available" : "not available")));
        add(new H2("Engine"), facts(
                fact("engine-url", "Address", host.engineUrl()),
                fact("engine-version", "Version", host.engineVersion()),
                fact("engine-storage", "Storage driver", host.storageDriver()),
                fact("host-data-root", "Data root", host.dataRoot()),
                fact("engine-mirrors", "Registry mirrors",
                        host.registryMirrors().isEmpty() ? "none" : String.join(", ", host.registryMirrors()))));
    }

    private static Div facts(Div... facts) {
        Div grid = new Div(facts);
        grid.addClassName("gantry-facts");
        return grid;
    }

    private static Div fact(String id, String label, String value) {
        Span name = new Span(label);
        name.addClassName("gantry-fact-label");
        Span text = new Span(value);
        text.setId(id);
        text.addClassName("gantry-fact-value");
        Div fact = new Div(name, text);
        fact.addClassName("gantry-fact");
        return fact;
    }
}
