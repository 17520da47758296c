package io.gantry.console.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** Label and value tiles in a grid, as the Dashboard and Settings pages show the engine's facts. */
public final class Facts {

    private Facts() {
    }

    public static Div grid(Div... facts) {
        Div grid = new Div(facts);
        grid.addClassName("gantry-facts");
        return grid;
    }

    /** A tile whose value has the element id {@code id}. */
    public static Div fact(String id, String label, String value) {
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
