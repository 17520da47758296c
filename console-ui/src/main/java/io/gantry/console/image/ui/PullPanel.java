package io.gantry.console.image.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.gantry.console.image.PullProgress;
import java.util.LinkedHashMap;
import java.util.Map;

/** A pull as it happens: the overall status line and one progress bar per layer, as {@code docker pull} draws them. */
class PullPanel extends Div {

    final Span title = new Span();
    final Span status = new Span();
    private final Div layers = new Div();
    private final Map<String, LayerProgress> byId = new LinkedHashMap<>();

    PullPanel() {
        setId("pull-progress");
        addClassName("gantry-pull");
        title.addClassName("gantry-pull-title");
        status.setId("pull-status");
        layers.addClassName("gantry-pull-layers");
        add(title, status, layers);
        setVisible(false);
    }

    void start(String reference) {
        byId.clear();
        layers.removeAll();
        title.setText("Pulling " + reference);
        status.setText("Contacting the registry…");
        status.removeClassName("gantry-pull-failed");
        setVisible(true);
    }

    void show(PullProgress step) {
        if (!step.isLayer()) {
            status.setText(step.status());
            return;
        }
        byId.computeIfAbsent(step.layer(), this::newLayer).show(step);
    }

    void finish(String message, boolean failed) {
        status.setText(message);
        if (failed) {
            status.addClassName("gantry-pull-failed");
        }
        byId.values().forEach(LayerProgress::stop);
    }

    int layerCount() {
        return byId.size();
    }

    private LayerProgress newLayer(String id) {
        LayerProgress layer = new LayerProgress("pull-", id);
        layers.add(layer);
        return layer;
    }
}
