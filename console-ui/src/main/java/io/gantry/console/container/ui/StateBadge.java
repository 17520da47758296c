package io.gantry.console.container.ui;

import com.vaadin.flow.component.html.Span;
import io.gantry.console.container.ContainerState;

/** A container's state as a badge (theme CSS): green while running, red when dead, grey otherwise. */
class StateBadge extends Span {

    StateBadge(ContainerState state) {
        super(state.label());
        addClassName("gantry-state");
        getElement().setAttribute("data-state", state.name().toLowerCase(java.util.Locale.ROOT));
    }
}
