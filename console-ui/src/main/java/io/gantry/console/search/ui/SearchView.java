package io.gantry.console.search.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import io.gantry.console.base.ui.UiTasks;
import io.gantry.console.search.SearchGroup;
import io.gantry.console.search.SearchResults;
import io.gantry.console.search.SearchService;
import io.gantry.console.search.SourceFailure;
import io.gantry.console.template.TemplateLibrary;
import io.gantry.console.template.ui.KeywordCloud;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The home page: one box, and what it finds grouped as templates, local images and registry images, each source
 * that could not answer on its own line. Searching runs off the UI thread; results arrive by push.
 */
@Route("search")
@RouteAlias("")
@PageTitle("Search · Gantry")
@PermitAll
class SearchView extends VerticalLayout implements BeforeEnterObserver {

    private final SearchService search;
    private final TemplateLibrary library;
    private final UiTasks tasks;
    final TextField box = new TextField();
    final KeywordCloud keywords = new KeywordCloud(this::searchKeyword);
    final Span status = new Span();
    final UnorderedList failures = new UnorderedList();
    final Div results = new Div();
    /** Only the latest query's answer is shown, however the answers arrive. */
    private final AtomicLong generation = new AtomicLong();

    SearchView(SearchService search, TemplateLibrary library, UiTasks tasks) {
        this.search = search;
        this.library = library;
        this.tasks = tasks;
        setId("search-view");
        box.setId("search-box");
        box.setPlaceholder("Search templates and images, e.g. wordpress or busybox");
        box.setPrefixComponent(VaadinIcon.SEARCH.create());
        box.setClearButtonVisible(true);
        box.setWidth("32rem");
        box.setValueChangeMode(ValueChangeMode.LAZY);
        box.setValueChangeTimeout(400);
        box.addValueChangeListener(e -> runSearch());
        box.addKeyPressListener(Key.ENTER, e -> runSearch());
        Button go = new Button("Search", e -> runSearch());
        go.setId("search-go");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        status.setId("search-status");
        failures.setId("search-failures");
        failures.addClassName("gantry-search-failures");
        results.setId("search-results");
        results.addClassName("gantry-search-results");
        HorizontalLayout bar = new HorizontalLayout(box, go);
        bar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(new H2("Find something to run"), bar, keywords, status, failures, results);
        keywords.show(library.keywordCloud());
    }

    /** {@code /search?q=wordpress} opens with that search. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> q = event.getLocation().getQueryParameters().getParameters().getOrDefault("q", List.of());
        if (!q.isEmpty() && !q.get(0).equals(box.getValue())) {
            box.setValue(q.get(0));
        } else if (q.isEmpty() && generation.get() == 0) {
            runSearch();
        }
    }

    private void searchKeyword(String keyword) {
        box.setValue(keyword);
    }

    private void runSearch() {
        String query = box.getValue();
        long mine = generation.incrementAndGet();
        UI ui = UI.getCurrent();
        status.setText(query.isBlank() ? "Everything you have:" : "Searching for “" + query.strip() + "”…");
        status.getElement().setAttribute("data-state", "searching");
        ui.getPage().getHistory().replaceState(null, query.isBlank() ? "search"
                : "search?" + QueryParameters.simple(Map.of("q", query.strip())).getQueryString());
        tasks.run(ui, () -> {
            SearchResults found = search.search(query);
            ui.access(() -> {
                if (generation.get() == mine) {
                    show(found);
                }
            });
        }, failed -> status.setText("The search failed."));
    }

    private void show(SearchResults found) {
        status.setText(found.query().isEmpty() ? "Everything you have:"
                : found.isEmpty() ? "Nothing found for “" + found.query() + "”." : "Results for “" + found.query() + "”:");
        status.getElement().setAttribute("data-state", "done");
        failures.removeAll();
        for (SourceFailure failure : found.failures()) {
            ListItem line = new ListItem(failure.message());
            line.getElement().setAttribute("data-source", failure.source());
            failures.add(line);
        }
        results.removeAll();
        results.add(section(SearchGroup.TEMPLATES, found.templates().stream()
                .map(hit -> (Component) new TemplateHitCard(hit)).toList()));
        results.add(section(SearchGroup.LOCAL_IMAGES, found.localImages().stream()
                .map(hit -> (Component) new ImageHitCard(hit, search)).toList()));
        if (!found.query().isEmpty()) {
            results.add(section(SearchGroup.REGISTRY_IMAGES, found.registryImages().stream()
                    .map(hit -> (Component) new ImageHitCard(hit, search)).toList()));
        }
    }

    private static Div section(SearchGroup group, List<Component> cards) {
        String id = "search-" + group.name().toLowerCase(Locale.ROOT).replace('_', '-');
        H3 title = new H3(group.title() + " (" + cards.size() + ")");
        Div list = new Div();
        list.setId(id + "-hits");
        list.addClassName("gantry-hits");
        if (cards.isEmpty()) {
            Paragraph none = new Paragraph("None.");
            none.addClassName("gantry-hits-none");
            list.add(none);
        } else {
            cards.forEach(list::add);
        }
        Div section = new Div(title, list);
        section.setId(id);
        section.addClassName("gantry-search-section");
        return section;
    }
}
