package io.gantry.console.image.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import io.gantry.console.base.ui.DomIds;
import io.gantry.console.base.ui.Sizes;
import io.gantry.console.image.PullProgress;
import java.util.LinkedHashMap;
import java.util.Map;

/** A pull as it happens: the overall status line and one progress bar per layer, as {@code docker pull} draws them. */
class PullPanel extends Div {

    final Span title = new Span();
    final Span status = new Span();
    private final Div layers = new Div();
    private final Map<String, Layer> byId = new LinkedHashMap<>();

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
        byId.values().forEach(l -> l.bar.setIndeterminate(false));
    }

    int layerCount() {
        return byId.size();
    }

    private Layer newLayer(String id) {
        Layer layer = new Layer(id);
        layers.add(layer.row);
        return layer;
    }

    /** One layer's row: its id, a bar, and the status with bytes. */
    private static final class Layer {
        final Div row = new Div();
        final ProgressBar bar = new ProgressBar();
        final Span text = new Span();

        Layer(String id) {
            Span name = new Span(id);
            name.addClassName("gantry-pull-layer-id");
            row.setId("pull-layer-" + DomIds.of(id));
            row.addClassName("gantry-pull-layer");
            bar.setId("pull-bar-" + DomIds.of(id));
            bar.setIndeterminate(true);
            row.add(name, bar, text);
        }

        void show(PullProgress step) {
            boolean complete = step.status().contains("complete") || step.status().equals("Already exists");
            if (step.fraction() >= 0) {
                bar.setIndeterminate(false);
                bar.setValue(step.fraction());
            } else if (complete) {
                bar.setIndeterminate(false);
                bar.setValue(1);
            }
            text.setText(step.status() + (step.total() > 0
                    ? " " + Sizes.human(step.current()) + " / " + Sizes.human(step.total()) : ""));
        }
    }
}
