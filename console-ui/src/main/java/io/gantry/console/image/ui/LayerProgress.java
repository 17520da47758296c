package io.gantry.console.image.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import io.gantry.console.base.ui.DomIds;
import io.gantry.console.base.ui.Sizes;
import io.gantry.console.image.PullProgress;

/** One layer of a pull as a row: its short id, a progress bar, and its status with bytes, as {@code docker pull} draws it. */
public class LayerProgress extends Div {

    final ProgressBar bar = new ProgressBar();
    final Span text = new Span();

    /** @param idPrefix makes the row's ids unique on a page that shows several pulls */
    public LayerProgress(String idPrefix, String layer) {
        Span name = new Span(layer);
        name.addClassName("gantry-pull-layer-id");
        setId(idPrefix + "layer-" + DomIds.of(layer));
        addClassName("gantry-pull-layer");
        bar.setId(idPrefix + "bar-" + DomIds.of(layer));
        bar.setIndeterminate(true);
        add(name, bar, text);
    }

    public void show(PullProgress step) {
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

    /** The pull is over: a bar still spinning stops where it is. */
    public void stop() {
        bar.setIndeterminate(false);
    }
}
