package io.gantry.console.container.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import io.gantry.console.base.ui.DomIds;
import io.gantry.console.container.BulkAction;
import io.gantry.console.container.ContainerGroup;
import io.gantry.console.container.ContainerRow;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/** One group of the containers page (an application, or "Standalone"): a heading and a selectable grid. */
class ContainerGroupGrid extends Div {

    static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    static final int ALL_ROWS_UP_TO = 25;

    final Grid<ContainerRow> grid = new Grid<>();

    ContainerGroupGrid(ContainerGroup group) {
        String id = DomIds.of(group.name());
        setId("containers-group-" + id);
        setWidthFull();
        grid.setId("containers-grid-" + id);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        // a short group shows whole; a long one scrolls, so that only the rows in view get their components made
        grid.setAllRowsVisible(group.containers().size() <= ALL_ROWS_UP_TO);
        if (group.containers().size() > ALL_ROWS_UP_TO) {
            grid.setHeight("36rem");
        }
        grid.addComponentColumn(ContainerGroupGrid::link).setHeader("Name").setFlexGrow(1);
        grid.addColumn(ContainerRow::image).setHeader("Image").setFlexGrow(1);
        grid.addComponentColumn(r -> badge(r)).setHeader("State").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ContainerRow::status).setHeader("Status").setFlexGrow(1);
        grid.addColumn(r -> CREATED.format(r.created())).setHeader("Created").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(group.containers());
        add(new H3(group.name()), grid);
    }

    Set<ContainerRow> selected() {
        return grid.getSelectedItems();
    }

    private static Component link(ContainerRow row) {
        RouterLink link = new RouterLink(row.name(), ContainerView.class, new RouteParameters("id", row.id()));
        link.setId("container-link-" + DomIds.of(row.name()));
        return link;
    }

    private static Component badge(ContainerRow row) {
        StateBadge badge = new StateBadge(row.state());
        badge.setId("container-state-" + DomIds.of(row.name()));
        return badge;
    }

    /** Start or stop (whichever applies), and remove. */
    private Component actions(ContainerRow row) {
        BulkAction main = row.state().isActive() ? BulkAction.STOP : BulkAction.START;
        Button toggle = button(row, main, main == BulkAction.STOP ? VaadinIcon.STOP : VaadinIcon.PLAY);
        Button remove = button(row, BulkAction.REMOVE, VaadinIcon.TRASH);
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(toggle, remove);
    }

    private Button button(ContainerRow row, BulkAction action, VaadinIcon icon) {
        Button button = new Button(icon.create(), e -> fireEvent(new RowActionEvent(this, action, row)));
        button.setId("container-" + action.name().toLowerCase(java.util.Locale.ROOT) + "-" + DomIds.of(row.name()));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        button.setAriaLabel(action.label() + " " + row.name());
        button.setTooltipText(action.label() + " " + row.name());
        return button;
    }

    Registration addRowActionListener(ComponentEventListener<RowActionEvent> listener) {
        return addListener(RowActionEvent.class, listener);
    }

    /** A row's own button was clicked. */
    static final class RowActionEvent extends ComponentEvent<ContainerGroupGrid> {
        final BulkAction action;
        final ContainerRow row;

        RowActionEvent(ContainerGroupGrid source, BulkAction action, ContainerRow row) {
            super(source, false);
            this.action = action;
            this.row = row;
        }
    }
}
