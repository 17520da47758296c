package io.gantry.console.metrics.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import io.gantry.console.activity.ActivityEntry;
import io.gantry.console.activity.ActivityFilter;
import io.gantry.console.activity.ActivityService;
import io.gantry.console.activity.ActivitySource;
import io.gantry.console.base.ui.Sizes;
import io.gantry.console.metrics.DashboardCounts;
import io.gantry.console.metrics.HostFacts;
import io.gantry.console.metrics.MetricsService;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The home page: counts, the host's CPU, memory and disk over the last hour, the engine's recent events, and the facts
 * of the engine the console drives and the host the containers run on.
 */
@Route("dashboard")
@RouteAlias("")
@PageTitle("Dashboard · Gantry")
@PermitAll
public class DashboardView extends VerticalLayout {

    static final int RECENT_EVENTS = 10;
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    DashboardView(MetricsService metrics, ActivityService activity) {
        HostFacts host = metrics.hostFacts();
        DashboardCounts counts = metrics.counts();
        add(new H2("At a glance"), facts(
                fact("count-applications", "Applications", Integer.toString(counts.applications())),
                fact("count-running", "Containers running", Integer.toString(counts.containersRunning())),
                fact("count-stopped", "Containers stopped", Integer.toString(counts.containersStopped())),
                fact("count-images", "Images", Integer.toString(counts.images())),
                fact("count-volumes", "Volumes", Integer.toString(counts.volumes())),
                fact("count-networks", "Networks", Integer.toString(counts.networks()))));
        add(new H2("The last hour"), new HostCharts(metrics));
        add(new H2("Recent events"), recentEvents(activity));
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

    /** The engine's latest events (what anyone or anything did to it), newest first. */
    private static Grid<ActivityEntry> recentEvents(ActivityService activity) {
        Grid<ActivityEntry> events = new Grid<>();
        events.setId("recent-events");
        events.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        events.setAllRowsVisible(true);
        events.addColumn(e -> WHEN.format(e.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        events.addColumn(ActivityEntry::action).setHeader("Event").setAutoWidth(true).setFlexGrow(0);
        events.addColumn(ActivityEntry::target).setHeader("Object").setFlexGrow(1);
        events.addColumn(ActivityEntry::detail).setHeader("Detail").setFlexGrow(2);
        events.setItems(activity.find(new ActivityFilter("", ActivitySource.ENGINE, null), 0, RECENT_EVENTS));
        return events;
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
