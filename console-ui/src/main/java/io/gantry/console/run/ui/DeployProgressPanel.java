package io.gantry.console.run.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import io.gantry.console.app.DeployProgress;
import io.gantry.console.base.ui.DomIds;
import io.gantry.console.image.ui.LayerProgress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A deployment or an edit as it happens: for each image pulled, a progress bar per layer; then the services, each
 * marked as it is replaced and comes up.
 */
public class DeployProgressPanel extends Div {

    final Span status = new Span();
    private final Div pulls = new Div();
    private final UnorderedList services = new UnorderedList();
    private final Map<String, LayerProgress> layers = new HashMap<>();
    private final Map<String, Span> imageStatus = new HashMap<>();
    private final Map<String, ListItem> serviceRows = new HashMap<>();

    /** @param title what is happening, e.g. "Deploying" */
    public DeployProgressPanel(String title) {
        setId("run-progress");
        addClassName("gantry-pull");
        status.setId("run-status");
        pulls.setId("run-pulls");
        services.setId("run-services");
        add(new H3(title), status, pulls, services);
        setVisible(false);
    }

    public void start(List<String> serviceNames) {
        pulls.removeAll();
        services.removeAll();
        layers.clear();
        imageStatus.clear();
        serviceRows.clear();
        status.setText("Preparing…");
        status.getElement().setAttribute("data-state", "running");
        for (String name : serviceNames) {
            ListItem row = new ListItem(name + ": waiting");
            row.setId("run-service-" + DomIds.of(name));
            row.getElement().setAttribute("data-state", "waiting");
            serviceRows.put(name, row);
            services.add(row);
        }
        setVisible(true);
    }

    public void show(DeployProgress step) {
        if (step instanceof DeployProgress.Pulling p) {
            status.setText("Pulling " + p.image() + "…");
            String prefix = "run-" + DomIds.of(p.image()) + "-";
            if (p.step().isLayer()) {
                layers.computeIfAbsent(p.image() + "@" + p.step().layer(), k -> addLayer(p.image(), prefix,
                        p.step().layer())).show(p.step());
            } else {
                imageSection(p.image()).setText(p.step().status());
            }
        } else if (step instanceof DeployProgress.NetworkCreated n) {
            status.setText("Created the network " + n.network() + ".");
        } else if (step instanceof DeployProgress.VolumeCreated v) {
            status.setText("Created the volume " + v.volume() + ".");
        } else if (step instanceof DeployProgress.ServiceStarted s) {
            status.setText("Started " + s.service() + ".");
            mark(s.service(), "running", "running");
        } else if (step instanceof DeployProgress.ServiceCreated c) {
            mark(c.service(), "created (not started)", "created");
        } else if (step instanceof DeployProgress.ServiceRemoved r) {
            status.setText("Removed the old container of " + r.service() + ".");
            mark(r.service(), "replacing", "replacing");
        } else if (step instanceof DeployProgress.ServiceRealiased a) {
            status.setText(a.service() + " now answers to " + String.join(", ", a.aliases()) + ".");
        } else if (step instanceof DeployProgress.RolledBack r) {
            status.setText("Removed " + r.what() + " again.");
        }
    }

    private void mark(String service, String text, String state) {
        ListItem row = serviceRows.get(service);
        if (row != null) {
            row.setText(service + ": " + text);
            row.getElement().setAttribute("data-state", state);
        }
    }

    public void finish(String message, boolean failed) {
        status.setText(message);
        status.getElement().setAttribute("data-state", failed ? "failed" : "done");
        if (failed) {
            status.addClassName("gantry-pull-failed");
        }
        layers.values().forEach(LayerProgress::stop);
    }

    private Span imageSection(String image) {
        return imageStatus.computeIfAbsent(image, i -> {
            Span line = new Span();
            line.addClassName("gantry-pull-title");
            Div section = new Div(new Span("Pulling " + i + " "), line);
            section.setId("run-pull-" + DomIds.of(i));
            section.addClassName("gantry-run-pull");
            pulls.add(section);
            return line;
        });
    }

    private LayerProgress addLayer(String image, String prefix, String layer) {
        imageSection(image);
        LayerProgress row = new LayerProgress(prefix, layer);
        pulls.getChildren().filter(c -> c.getId().orElse("").equals("run-pull-" + DomIds.of(image))).findFirst()
                .ifPresent(section -> ((Div) section).add(row));
        return row;
    }
}
