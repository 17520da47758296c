package io.gantry.console.search.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.QueryParameters;
import io.gantry.console.base.ui.DomIds;
import io.gantry.console.search.SearchFailedException;
import io.gantry.console.search.SearchHit;
import io.gantry.console.search.SearchService;
import java.util.ArrayList;
import java.util.List;

/**
 * An image found, with a tag picker and Run. A local image knows its tags; a registry image's are read from its
 * registry the first time the picker is opened, and a tag may also be typed.
 */
class ImageHitCard extends Div {

    static final String DEFAULT_TAG = "latest";

    private final SearchHit.ImageHit hit;
    private final SearchService search;
    final ComboBox<String> tag = new ComboBox<>();
    final Span tagError = new Span();
    private boolean tagsLoaded;

    ImageHitCard(SearchHit.ImageHit hit, SearchService search) {
        this.hit = hit;
        this.search = search;
        String id = "hit-" + (hit.local() ? "local" : DomIds.of(hit.source())) + "-" + DomIds.of(hit.repository());
        setId(id);
        addClassName("gantry-hit");
        Span name = new Span(hit.repository());
        name.addClassName("gantry-hit-name");
        Div heading = new Div(badge(), name);
        heading.addClassName("gantry-hit-heading");
        if (hit.stars() > 0) {
            Span stars = new Span(VaadinIcon.STAR.create(), new Span(Integer.toString(hit.stars())));
            stars.addClassName("gantry-hit-stars");
            heading.add(stars);
        }
        add(heading);
        if (hit.description() != null && !hit.description().isBlank()) {
            Paragraph description = new Paragraph(hit.description());
            description.addClassName("gantry-hit-description");
            add(description);
        }
        tag.setId(id + "-tag");
        tag.setLabel("Tag");
        tag.setAllowCustomValue(true);
        tag.addCustomValueSetListener(e -> tag.setValue(e.getDetail()));
        List<String> known = new ArrayList<>(hit.tags());
        tagsLoaded = !known.isEmpty();
        if (known.isEmpty()) {
            known.add(DEFAULT_TAG);
        }
        tag.setItems(known);
        tag.setValue(known.contains(DEFAULT_TAG) ? DEFAULT_TAG : known.get(0));
        tag.addFocusListener(e -> loadTags());
        tag.setWidth("12rem");
        tagError.setId(id + "-tag-error");
        tagError.addClassName("gantry-hit-error");
        Button run = new Button("Run", VaadinIcon.PLAY.create(), e -> run());
        run.setId(id + "-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        Div actions = new Div(tag, run, tagError);
        actions.addClassName("gantry-hit-actions");
        add(actions);
    }

    private Span badge() {
        String text = hit.local() ? "Local" : hit.official() ? "Official" : hit.source();
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge" + (hit.local() ? " success" : hit.official() ? "" : " contrast"));
        return badge;
    }

    /** Reads the registry's tags once; a failure is shown beside the picker and a tag can still be typed. */
    private void loadTags() {
        if (tagsLoaded) {
            return;
        }
        tagsLoaded = true;
        try {
            List<String> tags = search.tags(hit);
            if (!tags.isEmpty()) {
                String chosen = tag.getValue();
                tag.setItems(tags);
                tag.setValue(tags.contains(chosen) ? chosen : tags.contains(DEFAULT_TAG) ? DEFAULT_TAG : tags.get(0));
            }
            tagError.setText("");
        } catch (SearchFailedException e) {
            tagError.setText(e.getMessage());
        }
    }

    private void run() {
        String chosen = tag.getValue() == null || tag.getValue().isBlank() ? DEFAULT_TAG : tag.getValue().strip();
        UI.getCurrent().navigate("run", QueryParameters.of("image", hit.reference(chosen)));
    }
}
