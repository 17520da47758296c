package io.gantry.console.network.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.gantry.console.base.ui.DangerConfirm;
import io.gantry.console.base.ui.RemovalReport;
import io.gantry.console.network.InvalidNetworkException;
import io.gantry.console.network.NetworkOperations;
import io.gantry.console.network.NetworkRow;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;

/** The engine's networks and the containers on each: create, remove (refused while in use, with why), prune. */
@Route("networks")
@PageTitle("Networks · Gantry")
@PermitAll
class NetworksView extends VerticalLayout {

    private final NetworkOperations networks;
    final TextField name = new TextField();
    final Button create = new Button("Create", VaadinIcon.PLUS.create());
    final Grid<NetworkRow> grid = new Grid<>();
    final Button remove = new Button("Remove", VaadinIcon.TRASH.create());
    final Button prune = new Button("Remove unused…");
    final RemovalReport removal = new RemovalReport("networks-removal-result");

    NetworksView(NetworkOperations networks) {
        this.networks = networks;
        name.setId("network-name");
        name.setPlaceholder("new network name");
        create.setId("network-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> create());
        remove.setId("networks-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        remove.addClickListener(e -> confirmRemove());
        prune.setId("networks-prune");
        prune.addClickListener(e -> confirmPrune());
        configureGrid();
        add(new H2("Networks"), new HorizontalLayout(name, create), new HorizontalLayout(remove, prune), removal, grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("networks-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(r -> r.name() + (r.builtIn() ? " (built in)" : "")).setHeader("Name").setFlexGrow(2);
        grid.addColumn(NetworkRow::shortId).setHeader("ID").setAutoWidth(true);
        grid.addColumn(NetworkRow::driver).setHeader("Driver").setAutoWidth(true);
        grid.addColumn(r -> r.subnet().isEmpty() ? "—" : r.subnet()).setHeader("Subnet").setAutoWidth(true);
        grid.addColumn(r -> r.usedBy().isEmpty() ? "—" : String.join(", ", r.usedBy()))
                .setHeader("Containers").setFlexGrow(2);
        grid.addSelectionListener(e -> remove.setEnabled(!e.getAllSelectedItems().isEmpty()));
        remove.setEnabled(false);
    }

    void refresh() {
        grid.setItems(networks.list());
        remove.setEnabled(false);
    }

    private void create() {
        try {
            NetworkRow created = networks.create(name.getValue());
            name.clear();
            name.setInvalid(false);
            Notification.show("Created network " + created.name() + " (" + created.subnet() + ")", 4000,
                    Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (InvalidNetworkException e) {
            name.setErrorMessage(e.getMessage());
            name.setInvalid(true);
        }
    }

    private void confirmRemove() {
        List<NetworkRow> selected = new ArrayList<>(grid.getSelectedItems());
        new DangerConfirm("networks-remove",
                "Remove " + (selected.size() == 1 ? selected.get(0).name() : selected.size() + " networks") + "?",
                "Networks with containers on them, and the engine's own, are kept.", "Remove", () -> {
                    removal.show(networks.remove(selected));
                    refresh();
                }).open();
    }

    private void confirmPrune() {
        new DangerConfirm("networks-prune", "Remove every unused network?",
                "Every network you created that has no container on it is removed.", "Remove unused", () -> {
                    List<String> removed = networks.prune();
                    Notification.show(removed.isEmpty() ? "No unused networks" : "Removed " + String.join(", ", removed),
                            4000, Notification.Position.TOP_CENTER);
                    refresh();
                }).open();
    }
}
