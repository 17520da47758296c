package io.gantry.console.activity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.gantry.console.activity.ActivityEntry;
import io.gantry.console.activity.ActivityFilter;
import io.gantry.console.activity.ActivityService;
import io.gantry.console.activity.ActivitySource;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Who did what and when: users' actions and the engine's events, newest first, filtered by text, source and time. */
@Route("activity")
@PageTitle("Activity · Gantry")
@PermitAll
class ActivityView extends VerticalLayout {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    /** How far back the page looks. */
    enum Period {
        HOUR("Last hour", Duration.ofHours(1)), DAY("Last day", Duration.ofDays(1)), WEEK("Last week", Duration.ofDays(7)),
        ALL("Everything kept", null);

        final String label;
        final Duration length;

        Period(String label, Duration length) {
            this.label = label;
            this.length = length;
        }
    }

    private final ActivityService activity;
    final TextField text = new TextField();
    final Select<String> source = new Select<>();
    final Select<Period> period = new Select<>();
    final Grid<ActivityEntry> grid = new Grid<>();

    ActivityView(ActivityService activity) {
        this.activity = activity;
        text.setId("activity-filter");
        text.setPlaceholder("Filter by user, action, object or detail");
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setWidth("24rem");
        text.addValueChangeListener(e -> refresh());
        source.setId("activity-source");
        source.setItems("Everyone", "Users (UI)", "REST API", "Engine events", "System");
        source.setValue("Everyone");
        source.addValueChangeListener(e -> refresh());
        period.setId("activity-period");
        period.setItems(Period.values());
        period.setItemLabelGenerator(p -> p.label);
        period.setValue(Period.DAY);
        period.addValueChangeListener(e -> refresh());
        Button reload = new Button(VaadinIcon.REFRESH.create(), e -> refresh());
        reload.setId("activity-refresh");
        reload.setAriaLabel("Refresh");
        Span kept = new Span("Kept for " + days(activity.retention()) + ".");
        kept.addClassName("gantry-hint");
        configureGrid();
        HorizontalLayout filters = new HorizontalLayout(text, source, period, reload);
        filters.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(new H2("Activity"), filters, kept, grid);
        setSizeFull();
        refresh();
    }

    private void configureGrid() {
        grid.setId("activity-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(e -> WHEN.format(e.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.actor().name()).setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.actor().source().name().toLowerCase(Locale.ROOT)).setHeader("Via").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ActivityEntry::action).setHeader("Action").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ActivityEntry::target).setHeader("Object").setFlexGrow(1);
        grid.addColumn(e -> e.failed() ? "failed" : "ok").setHeader("Outcome").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ActivityEntry::detail).setHeader("Detail").setFlexGrow(2);
        grid.setSizeFull();
    }

    void refresh() {
        ActivityFilter filter = filter();
        grid.setItems(query -> activity.find(filter, query.getOffset(), query.getLimit()).stream(),
                query -> activity.count(filter));
    }

    private ActivityFilter filter() {
        ActivitySource from = switch (source.getValue()) {
            case "Users (UI)" -> ActivitySource.UI;
            case "REST API" -> ActivitySource.API;
            case "Engine events" -> ActivitySource.ENGINE;
            case "System" -> ActivitySource.SYSTEM;
            default -> null;
        };
        Period p = period.getValue();
        return new ActivityFilter(text.getValue(), from, p.length == null ? null : Instant.now().minus(p.length));
    }

    private static String days(Duration retention) {
        long days = retention.toDays();
        return days >= 1 ? days + (days == 1 ? " day" : " days") : retention.toHours() + " hours";
    }
}
