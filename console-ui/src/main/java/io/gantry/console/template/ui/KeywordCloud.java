package io.gantry.console.template.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import java.util.Map;
import java.util.function.Consumer;

/** The library's keywords, each with how many templates have it; clicking one hands it to the search. */
public class KeywordCloud extends Div {

    private final Consumer<String> onKeyword;

    public KeywordCloud(Consumer<String> onKeyword) {
        this.onKeyword = onKeyword;
        setId("keyword-cloud");
        addClassName("gantry-keyword-cloud");
    }

    public void show(Map<String, Integer> counts) {
        removeAll();
        int most = counts.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        counts.forEach((keyword, count) -> {
            Button button = new Button(keyword + " " + count, e -> onKeyword.accept(keyword));
            button.setId("keyword-" + TemplatesView.domId(keyword));
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            button.getElement().setAttribute("title", count + (count == 1 ? " template" : " templates"));
            // Common keywords stand out: 0.8 to 1.3 times the normal size.
            button.getStyle().set("font-size", String.format(java.util.Locale.ROOT, "%.2fem", 0.8 + 0.5 * count / most));
            add(button);
        });
    }
}
