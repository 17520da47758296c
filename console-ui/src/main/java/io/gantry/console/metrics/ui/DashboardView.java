package io.gantry.console.metrics.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.gantry.console.base.ui.Facts;
import io.gantry.console.base.ui.Sizes;
import io.gantry.console.metrics.HostFacts;
import io.gantry.console.metrics.MetricsService;
import jakarta.annotation.security.PermitAll;

/** The engine the console drives and the host the containers run on. */
@Route("dashboard")
@PageTitle("Dashboard · Gantry")
@PermitAll
public class DashboardView extends VerticalLayout {

    DashboardView(MetricsService metrics) {
        HostFacts host = metrics.hostFacts();
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
}
