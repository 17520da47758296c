package io.gantry.console.app.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;
import io.gantry.console.app.Application;
import io.gantry.console.app.ApplicationService;
import io.gantry.console.app.ApplicationSummary;
import io.gantry.console.base.ui.LiveUpdates;
import io.gantry.console.base.ui.UiTasks;
import io.gantry.console.engine.EngineEndpoint;
import io.gantry.console.events.EngineEvents;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The applications on the engine the console drives: name, services, status at a glance and the common actions.
 * Status follows the engine's events.
 */
@Route("applications")
@PageTitle("Applications · Gantry")
@PermitAll
class ApplicationsView extends VerticalLayout {

    /** A row: the application with its summary, read once per refresh. */
    record Row(Application app, int services, ApplicationSummary summary) {
    }

    private final ApplicationService applications;
    private final EngineEndpoint endpoint;
    private final UiTasks tasks;
    final Grid<Row> grid = new Grid<>();
    final Paragraph empty = new Paragraph("No applications yet: find a template or an image on the search page and run it.");

    ApplicationsView(ApplicationService applications, EngineEndpoint endpoint, EngineEvents events, UiTasks tasks) {
        this.applications = applications;
        this.endpoint = endpoint;
        this.tasks = tasks;
        setId("applications-view");
        grid.setId("applications-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(this::link).setHeader("Name").setFlexGrow(2);
        grid.addColumn(Row::services).setHeader("Services").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::status).setHeader("Status").setAutoWidth(true).setFlexGrow(1);
        grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true).setFlexGrow(0);
        empty.setId("applications-empty");
        Button create = new Button("Run something new", VaadinIcon.PLUS.create(), e -> UI.getCurrent().navigate("search"));
        create.setId("applications-new");
        add(new H2("Applications"), create, empty, grid);
        refresh();
        LiveUpdates.refreshOn(this, events, LiveUpdates::isContainerEvent, this::refresh);
    }

    private void refresh() {
        List<Row> rows = applications.listOn(endpoint.url()).stream()
                .map(a -> new Row(a, applications.services(a.id()).size(), ApplicationSummary.of(applications.status(a.id()))))
                .toList();
        grid.setItems(rows);
        empty.setVisible(rows.isEmpty());
        grid.setVisible(!rows.isEmpty());
    }

    private Component link(Row row) {
        RouterLink link = new RouterLink(row.app().name(), ApplicationView.class,
                new RouteParameters("id", Long.toString(row.app().id())));
        link.setId("app-link-" + row.app().slug());
        return link;
    }

    private Component status(Row row) {
        StatusBadge badge = new StatusBadge("app-state-" + row.app().slug());
        badge.show(row.summary());
        return badge;
    }

    private Component actions(Row row) {
        String slug = row.app().slug();
        long id = row.app().id();
        return new HorizontalLayout(
                action(slug, "start", VaadinIcon.PLAY, id, applications::start),
                action(slug, "stop", VaadinIcon.STOP, id, applications::stop),
                action(slug, "restart", VaadinIcon.REFRESH, id, applications::restart));
    }

    private Button action(String slug, String name, VaadinIcon icon, long id, LongConsumer work) {
        Button button = new Button(icon.create());
        button.setId("app-" + name + "-" + slug);
        button.setAriaLabel(name);
        button.setTooltipText(Character.toUpperCase(name.charAt(0)) + name.substring(1));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        button.addClickListener(e -> tasks.run(UI.getCurrent(), () -> work.accept(id), failed -> { }));
        return button;
    }
}
