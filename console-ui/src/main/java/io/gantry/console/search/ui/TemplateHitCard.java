package io.gantry.console.search.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.QueryParameters;
import io.gantry.console.base.ui.DomIds;
import io.gantry.console.search.SearchHit;
import io.gantry.console.template.Template;
import io.gantry.console.template.TemplateImage;
import java.util.stream.Collectors;

/** A template found: its name (to its details), what it runs, and Run. */
class TemplateHitCard extends Div {

    TemplateHitCard(SearchHit.TemplateHit hit) {
        String id = "hit-template-" + DomIds.of(hit.entry().id());
        Template template = hit.entry().template();
        setId(id);
        addClassName("gantry-hit");
        Span badge = new Span(hit.entry().bundled() ? "Template" : "Your template");
        badge.getElement().getThemeList().add("badge" + (hit.entry().bundled() ? "" : " success"));
        Anchor name = new Anchor("templates/" + hit.entry().id(), template.name());
        name.setId(id + "-details");
        name.addClassName("gantry-hit-name");
        Div heading = new Div(badge, name);
        heading.addClassName("gantry-hit-heading");
        add(heading);
        if (template.description() != null) {
            Paragraph description = new Paragraph(abbreviate(template.description(), 160));
            description.addClassName("gantry-hit-description");
            add(description);
        }
        Span images = new Span(template.images().size() + (template.images().size() == 1 ? " service: " : " services: ")
                + template.images().stream().map(TemplateImage::image).collect(Collectors.joining(", ")));
        images.addClassName("gantry-hit-detail");
        add(images);
        Button run = new Button("Run", VaadinIcon.PLAY.create(), e -> UI.getCurrent().navigate("run",
                QueryParameters.of("template", hit.entry().id())));
        run.setId(id + "-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        add(run);
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
