package io.gantry.console.container.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.shared.Registration;
import io.gantry.console.base.ui.DomIds;
import io.gantry.console.container.BulkAction;
import io.gantry.console.container.ContainerGroup;
import io.gantry.console.container.ContainerRow;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
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
        grid.addColumn(LINK).setHeader("Name").setFlexGrow(1);
        grid.addColumn(ContainerRow::image).setHeader("Image").setFlexGrow(1);
        grid.addColumn(BADGE).setHeader("State").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ContainerRow::status).setHeader("Status").setFlexGrow(1);
        grid.addColumn(r -> CREATED.format(r.created())).setHeader("Created").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(actions()).setHeader("Actions").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(group.containers());
        add(new H3(group.name()), grid);
    }

    Set<ContainerRow> selected() {
        return grid.getSelectedItems();
    }

    /*
     * The cells are rendered in the browser from a few properties per row (Lit templates), not as server-side
     * components: with 200 containers, components (a link, a badge, two buttons with icons and tooltips per row) made
     * the page take over a second to become usable. The ids are those tests and people's bookmarks rely on.
     */
    private static final LitRenderer<ContainerRow> LINK = LitRenderer.<ContainerRow>of(
                    "<a router-link id=\"container-link-${item.domId}\" href=\"containers/${item.id}\">${item.name}</a>")
            .withProperty("domId", r -> DomIds.of(r.name()))
            .withProperty("id", ContainerRow::id)
            .withProperty("name", ContainerRow::name);

    private static final LitRenderer<ContainerRow> BADGE = LitRenderer.<ContainerRow>of(
                    "<span class=\"gantry-state\" id=\"container-state-${item.domId}\" data-state=\"${item.state}\">"
                            + "${item.label}</span>")
            .withProperty("domId", r -> DomIds.of(r.name()))
            .withProperty("state", r -> r.state().name().toLowerCase(Locale.ROOT))
            .withProperty("label", r -> r.state().label());

    /** Start or stop (whichever applies), and remove. */
    private LitRenderer<ContainerRow> actions() {
        return LitRenderer.<ContainerRow>of("""
                        <vaadin-button id="container-${item.toggle}-${item.domId}" theme="tertiary-inline icon"
                            aria-label="${item.toggleLabel} ${item.name}" title="${item.toggleLabel} ${item.name}"
                            @click="${toggle}"><vaadin-icon icon="${item.toggleIcon}"></vaadin-icon></vaadin-button>
                        <vaadin-button id="container-remove-${item.domId}" theme="tertiary-inline icon error"
                            aria-label="Remove ${item.name}" title="Remove ${item.name}"
                            @click="${remove}"><vaadin-icon icon="vaadin:trash"></vaadin-icon></vaadin-button>""")
                .withProperty("domId", r -> DomIds.of(r.name()))
                .withProperty("name", ContainerRow::name)
                .withProperty("toggle", r -> toggle(r).name().toLowerCase(Locale.ROOT))
                .withProperty("toggleLabel", r -> toggle(r).label())
                .withProperty("toggleIcon", r -> toggle(r) == BulkAction.STOP ? "vaadin:stop" : "vaadin:play")
                .withFunction("toggle", r -> fireEvent(new RowActionEvent(this, toggle(r), r)))
                .withFunction("remove", r -> fireEvent(new RowActionEvent(this, BulkAction.REMOVE, r)));
    }

    private static BulkAction toggle(ContainerRow row) {
        return row.state().isActive() ? BulkAction.STOP : BulkAction.START;
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
