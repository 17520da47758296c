package io.gantry.console.metrics.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.gantry.console.activity.ActivityEntry;
import io.gantry.console.activity.ActivityFilter;
import io.gantry.console.activity.ActivityService;
import io.gantry.console.activity.ActivitySource;
import io.gantry.console.base.ui.Facts;
import io.gantry.console.base.ui.Sizes;
import io.gantry.console.metrics.DashboardCounts;
import io.gantry.console.metrics.HostFacts;
import io.gantry.console.metrics.MetricsService;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The dashboard: counts, the host's CPU, memory and disk over the last hour, the engine's recent events, and the facts
 * of the engine the console drives and the host the containers run on.
 */
@Route("dashboard")
@PageTitle("Dashboard · Gantry")
@PermitAll
public class DashboardView extends VerticalLayout {

    static final int RECENT_EVENTS = 10;
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    DashboardView(MetricsService metrics, ActivityService activity) {
        HostFacts host = metrics.hostFacts();
        DashboardCounts counts = metrics.counts();
        add(new H2("At a glance"), Facts.grid(
                Facts.fact("count-applications", "Applications", Integer.toString(counts.applications())),
                Facts.fact("count-running", "Containers running", Integer.toString(counts.containersRunning())),
                Facts.fact("count-stopped", "Containers stopped", Integer.toString(counts.containersStopped())),
                Facts.fact("count-images", "Images", Integer.toString(counts.images())),
                Facts.fact("count-volumes", "Volumes", Integer.toString(counts.volumes())),
                Facts.fact("count-networks", "Networks", Integer.toString(counts.networks()))));
        add(new H2("The last hour"), new HostCharts(metrics));
        add(new H2("Recent events"), recentEvents(activity));
        add(new H2("This host"), Facts.grid(
                Facts.fact("host-name", "Host", host.hostname()),
                Facts.fact("host-os", "Operating system", host.operatingSystem()),
                Facts.fact("host-kernel", "Kernel", host.kernel()),
                Facts.fact("host-cpus", "CPUs", Integer.toString(host.cpus())),
                Facts.fact("host-memory", "Memory used / total",
                        Sizes.human(host.memoryUsedBytes()) + " / " + Sizes.human(host.memoryTotalBytes())),
                Facts.fact("host-disk-free", "Disk free under data root", Sizes.human(host.diskFreeBytes())),
                Facts.fact("host-cgroups", "cgroups", host.cgroupMode()),
                Facts.fact("host-overlayfs", "overlayfs", host.overlayfs() ? "available" : "not available"),
                Facts.fact("host-userns", "User namespaces", host.userNamespaces() ? "available" : "not available")));
        add(new H2("Engine"), Facts.grid(
                Facts.fact("engine-url", "Address", host.engineUrl()),
                Facts.fact("engine-version", "Version", host.engineVersion()),
                Facts.fact("engine-storage", "Storage driver", host.storageDriver()),
                Facts.fact("host-data-root", "Data root", host.dataRoot()),
                Facts.fact("engine-mirrors", "Registry mirrors",
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
}
