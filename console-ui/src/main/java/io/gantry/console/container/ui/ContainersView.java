package io.gantry.console.container.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.gantry.console.base.ui.DangerConfirm;
import io.gantry.console.base.ui.UiTasks;
import io.gantry.console.container.BulkAction;
import io.gantry.console.container.BulkResult;
import io.gantry.console.container.ContainerGroup;
import io.gantry.console.container.ContainerOperations;
import io.gantry.console.container.ContainerRow;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Every container of the engine, grouped; filter; start, stop, restart, kill, remove one or many; new container. */
@Route("containers")
@PageTitle("Containers · Gantry")
@PermitAll
class ContainersView extends VerticalLayout {

    private final ContainerOperations containers;
    private final UiTasks tasks;
    final TextField filter = new TextField();
    final Div groups = new Div();
    final List<ContainerGroupGrid> grids = new ArrayList<>();
    final Span empty = new Span("No containers match.");

    ContainersView(ContainerOperations containers, UiTasks tasks) {
        this.containers = containers;
        this.tasks = tasks;
        filter.setId("containers-filter");
        filter.setPlaceholder("Filter by name, image or state");
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setWidth("22rem");
        filter.addValueChangeListener(e -> refresh());
        Button create = new Button("New container", VaadinIcon.PLUS.create(), e -> openNewContainer());
        create.setId("containers-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reload = new Button(VaadinIcon.REFRESH.create(), e -> refresh());
        reload.setId("containers-refresh");
        reload.setAriaLabel("Refresh");
        HorizontalLayout bulk = new HorizontalLayout();
        for (BulkAction action : BulkAction.values()) {
            Button button = new Button(action.label(), e -> bulk(action));
            button.setId("containers-" + action.name().toLowerCase(Locale.ROOT));
            if (action == BulkAction.REMOVE) {
                button.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
            bulk.add(button);
        }
        empty.setId("containers-empty");
        groups.setWidthFull();
        HorizontalLayout toolbar = new HorizontalLayout(filter, reload, create);
        add(new H2("Containers"), toolbar, bulk, empty, groups);
        refresh();
    }

    void refresh() {
        groups.removeAll();
        grids.clear();
        for (ContainerGroup group : containers.list(filter.getValue())) {
            ContainerGroupGrid grid = new ContainerGroupGrid(group);
            grid.addRowActionListener(e -> act(e.action, List.of(e.row)));
            grids.add(grid);
            groups.add(grid);
        }
        empty.setVisible(grids.isEmpty());
    }

    private void bulk(BulkAction action) {
        List<ContainerRow> selected = grids.stream().flatMap(g -> g.selected().stream()).toList();
        if (selected.isEmpty()) {
            Notification.show("Select containers first.", 3000, Notification.Position.TOP_CENTER);
            return;
        }
        act(action, selected);
    }

    private void act(BulkAction action, List<ContainerRow> rows) {
        if (action == BulkAction.REMOVE) {
            confirmRemove(rows);
        } else {
            run(action, rows);
        }
    }

    private void confirmRemove(List<ContainerRow> rows) {
        new DangerConfirm("containers-remove",
                "Remove " + (rows.size() == 1 ? rows.get(0).name() : rows.size() + " containers") + "?",
                "Running containers are killed first. Their logs and changes to their files are lost.", "Remove",
                () -> run(BulkAction.REMOVE, rows)).open();
    }

    /** Stopping waits for the container's stop timeout, so actions run off the UI thread. */
    private void run(BulkAction action, List<ContainerRow> rows) {
        UI ui = UI.getCurrent();
        tasks.run(ui, () -> {
            BulkResult result = containers.apply(action, rows);
            ui.access(() -> {
                Notification.show(result.summary(), result.failed().isEmpty() ? 4000 : 10000,
                        Notification.Position.TOP_CENTER).addThemeVariants(result.failed().isEmpty()
                        ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_WARNING);
                refresh();
            });
        }, failure -> refresh());
    }

    private void openNewContainer() {
        NewContainerDialog dialog = new NewContainerDialog();
        dialog.addCreateListener(e -> {
            UI ui = UI.getCurrent();
            dialog.create.setEnabled(false);
            dialog.create.setText("Starting…");
            tasks.run(ui, () -> {
                String id = containers.run(e.request);
                ui.access(() -> {
                    dialog.close();
                    ui.navigate(ContainerView.class, new RouteParameters("id", id));
                });
            }, failure -> {
                dialog.create.setEnabled(true);
                dialog.create.setText("Create and start");
            });
        });
        dialog.open();
    }
}
