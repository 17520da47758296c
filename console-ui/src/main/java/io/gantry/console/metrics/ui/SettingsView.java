package io.gantry.console.metrics.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.gantry.console.base.ui.Facts;
import io.gantry.console.metrics.EngineSettings;
import io.gantry.console.metrics.MetricsService;
import io.gantry.console.registry.RegistryService;
import io.gantry.console.registry.ui.RegistriesPanel;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * Settings: the engine the console drives and what its {@code /info} says (version, kernel, cgroups, registry
 * mirrors and insecure registries, which are the engine's settings), the registries the console searches and pulls
 * from with credentials, and the way to the account's password.
 */
@Route("settings")
@PageTitle("Settings · Gantry")
@PermitAll
class SettingsView extends VerticalLayout {

    SettingsView(MetricsService metrics, RegistryService registries) {
        setId("settings-view");
        EngineSettings engine = metrics.engineSettings();
        add(new H2("Settings"), new H3("Engine"), Facts.grid(
                Facts.fact("settings-engine-url", "Address", engine.url() + (engine.embedded() ? " (embedded)" : "")),
                Facts.fact("settings-engine-name", "Host name", engine.name()),
                Facts.fact("settings-engine-version", "Version", engine.version() + " · API " + engine.apiVersion()),
                Facts.fact("settings-kernel", "Kernel", engine.kernel()),
                Facts.fact("settings-os", "Operating system", engine.operatingSystem() + " · " + engine.architecture()),
                Facts.fact("settings-cgroups", "cgroups", "v" + engine.cgroupVersion()
                        + (engine.cgroupDriver().isEmpty() ? "" : " · " + engine.cgroupDriver() + " driver")),
                Facts.fact("settings-storage", "Storage driver", engine.storageDriver()),
                Facts.fact("settings-data-root", "Data root", engine.dataRoot()),
                Facts.fact("settings-mirrors", "Registry mirrors", list(engine.mirrors())),
                Facts.fact("settings-insecure", "Insecure registries", list(engine.insecureRegistries()))));
        Paragraph note = new Paragraph("Mirrors and insecure registries are settings of the engine: ./gantry up "
                + "--registry-mirror and --insecure-registry, or the daemon's configuration for another engine.");
        note.addClassName("gantry-note");
        add(note, new RegistriesPanel(registries), new H3("Account"), new Anchor("account", "Change your password"));
    }

    private static String list(List<String> values) {
        return values.isEmpty() ? "none" : String.join(", ", values);
    }
}
