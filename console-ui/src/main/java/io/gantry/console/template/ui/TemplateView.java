package io.gantry.console.template.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.gantry.console.template.Template;
import io.gantry.console.template.TemplateEntry;
import io.gantry.console.template.TemplateImage;
import io.gantry.console.template.TemplateLibrary;
import io.gantry.console.template.ValidationReport;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;

/**
 * One template: its documentation (the library's sanitised HTML), its services, the settings that let it reach
 * beyond its containers, and Run, which opens its run form.
 */
@Route("templates/:id")
@PermitAll
class TemplateView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final TemplateLibrary library;
    private String title = "Template · Gantry";

    TemplateView(TemplateLibrary library) {
        this.library = library;
        setId("template-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(event.getRouteParameters().get("id").orElse(""));
    }

    void show(String id) {
        Optional<TemplateEntry> entry = library.find(id);
        if (entry.isPresent()) {
            show(entry.get());
            return;
        }
        removeAll();
        title = "No such template · Gantry";
        Paragraph missing = new Paragraph("There is no template " + id + "; it may have been deleted.");
        missing.setId("template-missing");
        add(backLink(), missing);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show(TemplateEntry entry) {
        Template template = entry.template();
        title = template.name() + " · Gantry";
        removeAll();
        H2 name = new H2(template.name());
        name.setId("template-name");
        Span source = new Span(entry.bundled() ? "Bundled with Gantry" : "Your template");
        source.getElement().getThemeList().add("badge" + (entry.bundled() ? "" : " success"));
        source.setId("template-source");
        Button run = new Button("Run", VaadinIcon.PLAY.create(), e -> UI.getCurrent().navigate("run",
                QueryParameters.of("template", entry.id())));
        run.setId("template-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(backLink(), name, source, run);
        if (template.description() != null) {
            Paragraph description = new Paragraph(template.description());
            description.setId("template-description");
            add(description);
        }
        if (!template.keywords().isEmpty()) {
            add(new Span("Keywords: " + String.join(", ", template.keywords())));
        }
        showDangers(library.check(template));
        showDocumentation(library.documentationHtml(entry.id()));
        add(new H3("Services"));
        Div services = new Div();
        services.setId("template-services");
        services.addClassName("gantry-services");
        for (TemplateImage image : template.images()) {
            services.add(new ServiceSummary(image));
        }
        add(services);
    }

    /** A plain link to the Templates route; the router handles it in the browser like a RouterLink. */
    private static Anchor backLink() {
        Anchor back = new Anchor("templates", "← All templates");
        back.setId("template-back");
        return back;
    }

    private void showDangers(ValidationReport report) {
        if (!report.isDangerous()) {
            return;
        }
        UnorderedList list = new UnorderedList();
        report.dangers().forEach(d -> list.add(new ListItem(d.message())));
        Div dangers = new Div(new Span("This template can reach beyond its containers; deploying it will ask you to "
                + "confirm these settings:"), list);
        dangers.setId("template-dangers");
        dangers.addClassName("gantry-dangers");
        add(dangers);
    }

    /** The HTML comes from the library with raw HTML escaped and only http(s) links; Html needs one root element. */
    private void showDocumentation(String html) {
        Div documentation = new Div();
        documentation.setId("template-documentation");
        documentation.addClassName("gantry-documentation");
        if (html.isBlank()) {
            documentation.add(new Paragraph("This template has no documentation."));
        } else {
            documentation.add(new Html("<div>" + html + "</div>"));
        }
        add(documentation);
    }
}
