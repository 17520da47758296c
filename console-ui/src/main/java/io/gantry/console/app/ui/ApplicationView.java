package io.gantry.console.app.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import io.gantry.console.app.Application;
import io.gantry.console.app.ApplicationService;
import io.gantry.console.app.ApplicationSummary;
import io.gantry.console.app.Edit;
import io.gantry.console.app.Reconciliation;
import io.gantry.console.app.ServiceDrift;
import io.gantry.console.app.ServiceState;
import io.gantry.console.app.ServiceStates;
import io.gantry.console.app.ServiceStatus;
import io.gantry.console.base.ui.LiveUpdates;
import io.gantry.console.base.ui.UiTasks;
import io.gantry.console.container.ContainerOperations;
import io.gantry.console.events.EngineEvents;
import io.gantry.console.metrics.MetricsService;
import io.gantry.console.search.SearchService;
import io.gantry.console.template.TemplateLibrary;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One application: its services grouped by category with live status, CPU and memory and their published ports,
 * the combined logs of all of them, and the actions on the whole (start, stop, restart, remove, rename, save as
 * template, export). Status follows the engine's events, pushed to the browser.
 */
@Route("applications/:id")
@PermitAll
class ApplicationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ApplicationService applications;
    private final ServiceStates states;
    private final EngineEvents events;
    private final TemplateLibrary library;
    private final SearchService search;
    private final UiTasks tasks;
    private @Nullable Application app;
    final H2 name = new H2();
    final StatusBadge summary = new StatusBadge("app-summary");
    final Div services = new Div();
    final CombinedLogs logs;
    private final Map<String, ServiceCard> cards = new LinkedHashMap<>();
    private final UsageFollower usage;
    private String browserHost = "localhost";
    private String title = "Application · Gantry";

    ApplicationView(ApplicationService applications, ServiceStates states, MetricsService metrics,
                    ContainerOperations containers, EngineEvents events, TemplateLibrary library, SearchService search,
                    UiTasks tasks) {
        this.applications = applications;
        this.states = states;
        this.events = events;
        this.library = library;
        this.search = search;
        this.tasks = tasks;
        this.logs = new CombinedLogs(containers);
        this.usage = new UsageFollower(metrics, (service, reading) -> Optional.ofNullable(cards.get(service))
                .ifPresent(card -> card.showUsage(reading)));
        setId("application-view");
        name.setId("app-name");
        services.setId("app-services");
        LiveUpdates.refreshOn(this, events, e -> app != null && e.isContainer()
                && e.name().filter(n -> n.startsWith(app.slug() + "-")).isPresent(), this::refresh);
        addAttachListener(attach -> followReconciliations(attach.getUI()));
    }

    /** The console reconciles on the engine's events on its own thread; its findings refresh the page. */
    private void followReconciliations(UI ui) {
        ApplicationService.Subscription subscription = applications.onReconciled(r -> {
            if (app != null && r.applicationId() == app.id()) {
                LiveUpdates.access(ui, this::refresh);
            }
        });
        addDetachListener(detach -> {
            subscription.close();
            detach.unregisterListener();
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null && request.getHeader("Host") != null) {
            browserHost = request.getHeader("Host").replaceAll(":[0-9]+$", "");
        }
        Optional<Application> found = event.getRouteParameters().getLong("id").flatMap(applications::find);
        removeAll();
        if (found.isEmpty()) {
            title = "No such application · Gantry";
            Paragraph missing = new Paragraph("There is no such application; it may have been removed.");
            missing.setId("app-missing");
            add(missing, new Anchor("applications", "All applications"));
            return;
        }
        show(found.get());
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show(Application application) {
        app = application;
        title = application.name() + " · Gantry";
        name.setText(application.name());
        ApplicationActions actions = new ApplicationActions(applications, application, tasks, library, this::renamed);
        Button addService = new Button("Add a service", VaadinIcon.PLUS.create(), e -> new AddServiceDialog(
                applications, search, tasks, application.id(), this::refresh).open());
        addService.setId("app-add-service");
        addService.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(new Anchor("applications", "← All applications"), name, summary, actions, services, addService,
                new H3("Logs"), logs);
        refresh();
    }

    private void renamed(Application renamed) {
        app = renamed;
        name.setText(renamed.name());
        title = renamed.name() + " · Gantry";
        UI.getCurrent().getPage().setTitle(title);
    }

    /** Reads every service's state again and shows it; follows the logs and usage of those that run. */
    void refresh() {
        if (app == null || applications.find(app.id()).isEmpty()) {
            return;
        }
        List<ServiceState> now = states.of(app.id());
        Map<String, ServiceStatus> statuses = new LinkedHashMap<>();
        now.forEach(s -> statuses.put(s.name(), s.status()));
        summary.show(ApplicationSummary.of(statuses));
        if (!cards.keySet().equals(now.stream().map(ServiceState::name).collect(Collectors.toSet()))) {
            layOut(now);
        }
        Map<String, ServiceDrift> drift = applications.lastReconciliation(app.id()).map(Reconciliation::services)
                .orElse(Map.of());
        Map<String, String> running = new LinkedHashMap<>();
        for (ServiceState s : now) {
            cards.get(s.name()).show(s);
            cards.get(s.name()).showDrift(drift.getOrDefault(s.name(), ServiceDrift.IN_SYNC));
            if (s.status().isUp() && s.containerId() != null) {
                running.put(s.name(), s.containerId());
            }
        }
        logs.follow(running, now.stream().map(ServiceState::name).toList());
        usage.follow(running);
    }

    /** One section per category, in the order the categories first appear; services without one come last. */
    private void layOut(List<ServiceState> now) {
        services.removeAll();
        cards.clear();
        Map<String, Div> sections = new LinkedHashMap<>();
        List<ServiceState> ordered = new ArrayList<>(now);
        ordered.sort(Comparator.comparing(ApplicationView::uncategorised));
        boolean anyCategory = !ordered.stream().allMatch(ApplicationView::uncategorised);
        for (ServiceState s : ordered) {
            String category = !uncategorised(s) ? s.service().category() : anyCategory ? "Other services" : "Services";
            Div section = sections.computeIfAbsent(category, c -> {
                Div div = new Div(new H3(c));
                div.addClassName("gantry-service-category");
                div.getElement().setAttribute("data-category", c);
                services.add(div);
                return div;
            });
            ServiceCard card = new ServiceCard(app.id(), s, browserHost, () -> recreate(s.name()),
                    () -> new RemoveServiceDialog(s.name(), volumes -> removeService(s.name(), volumes)).open());
            cards.put(s.name(), card);
            section.add(card);
        }
    }

    private void recreate(String service) {
        long id = app.id();
        UI ui = UI.getCurrent();
        tasks.run(ui, () -> {
            applications.recreate(id, service);
            ui.access(() -> Notification.show("Recreated " + service + ".", 3000, Notification.Position.BOTTOM_END));
        }, failed -> { });
    }

    private void removeService(String service, boolean deleteVolumes) {
        long id = app.id();
        UI ui = UI.getCurrent();
        tasks.run(ui, () -> {
            applications.applyEdit(id, new Edit.Remove(service, deleteVolumes), step -> { });
            ui.access(() -> {
                Notification.show("Removed the service " + service + ".", 3000, Notification.Position.BOTTOM_END);
                refresh();
            });
        }, failed -> { });
    }

    private static boolean uncategorised(ServiceState s) {
        return s.service().category() == null || s.service().category().isBlank();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        usage.stop();
    }
}
