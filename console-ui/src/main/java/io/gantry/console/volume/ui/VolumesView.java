package io.gantry.console.volume.ui;

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
import io.gantry.console.volume.InvalidVolumeException;
import io.gantry.console.volume.VolumeOperations;
import io.gantry.console.volume.VolumeRow;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The engine's volumes and who uses each: create, remove (refused while in use, with why), prune. */
@Route("volumes")
@PageTitle("Volumes · Gantry")
@PermitAll
class VolumesView extends VerticalLayout {

    static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final VolumeOperations volumes;
    final TextField name = new TextField();
    final Button create = new Button("Create", VaadinIcon.PLUS.create());
    final Grid<VolumeRow> grid = new Grid<>();
    final Button remove = new Button("Remove", VaadinIcon.TRASH.create());
    final Button prune = new Button("Remove unused…");
    final RemovalReport removal = new RemovalReport("volumes-removal-result");

    VolumesView(VolumeOperations volumes) {
        this.volumes = volumes;
        name.setId("volume-name");
        name.setPlaceholder("new volume name");
        create.setId("volume-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> create());
        remove.setId("volumes-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        remove.addClickListener(e -> confirmRemove());
        prune.setId("volumes-prune");
        prune.addClickListener(e -> confirmPrune());
        configureGrid();
        add(new H2("Volumes"), new HorizontalLayout(name, create), new HorizontalLayout(remove, prune), removal, grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("volumes-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(VolumeRow::name).setHeader("Name").setFlexGrow(2).setSortable(true);
        grid.addColumn(VolumeRow::driver).setHeader("Driver").setAutoWidth(true);
        grid.addColumn(r -> CREATED.format(r.created())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(r -> r.usedBy().isEmpty() ? "—" : String.join(", ", r.usedBy()))
                .setHeader("Used by containers").setFlexGrow(1);
        grid.addColumn(VolumeRow::mountpoint).setHeader("Data on the host").setFlexGrow(2);
        grid.addSelectionListener(e -> remove.setEnabled(!e.getAllSelectedItems().isEmpty()));
        remove.setEnabled(false);
    }

    void refresh() {
        grid.setItems(volumes.list());
        remove.setEnabled(false);
    }

    private void create() {
        try {
            VolumeRow created = volumes.create(name.getValue());
            name.clear();
            name.setInvalid(false);
            Notification.show("Created volume " + created.name(), 4000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (InvalidVolumeException e) {
            name.setErrorMessage(e.getMessage());
            name.setInvalid(true);
        }
    }

    private void confirmRemove() {
        List<VolumeRow> selected = new ArrayList<>(grid.getSelectedItems());
        new DangerConfirm("volumes-remove",
                "Remove " + (selected.size() == 1 ? selected.get(0).name() : selected.size() + " volumes") + "?",
                "Their data is deleted. Volumes that a container uses are kept.", "Remove", () -> {
                    removal.show(volumes.remove(selected));
                    refresh();
                }).open();
    }

    private void confirmPrune() {
        new DangerConfirm("volumes-prune", "Remove every unused volume?",
                "Every volume that no container uses is deleted with its data.", "Remove unused", () -> {
                    List<String> removed = volumes.prune();
                    Notification.show(removed.isEmpty() ? "No unused volumes" : "Removed " + String.join(", ", removed),
                            4000, Notification.Position.TOP_CENTER);
                    refresh();
                }).open();
    }
}
