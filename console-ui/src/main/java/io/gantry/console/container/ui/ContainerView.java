package io.gantry.console.container.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.gantry.console.base.ui.UiTasks;
import io.gantry.console.container.BulkAction;
import io.gantry.console.container.ContainerDetails;
import io.gantry.console.container.ContainerOperations;
import io.gantry.console.container.ContainerRow;
import io.gantry.console.container.EnvironmentVariable;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;

/** One container: its actions, configuration, environment (secrets masked) and log. */
@Route("containers/:id")
@PageTitle("Container · Gantry")
@PermitAll
class ContainerView extends VerticalLayout implements BeforeEnterObserver {

    private final ContainerOperations containers;
    private final UiTasks tasks;
    private String id = "";

    ContainerView(ContainerOperations containers, UiTasks tasks) {
        this.containers = containers;
        this.tasks = tasks;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = event.getRouteParameters().get("id").orElse("");
        show(containers.details(id));
    }

    private void show(ContainerDetails details) {
        removeAll();
        H2 title = new H2(details.name());
        title.setId("container-name");
        StateBadge badge = new StateBadge(details.state());
        badge.setId("container-state");
        HorizontalLayout heading = new HorizontalLayout(title, badge);
        heading.setDefaultVerticalComponentAlignment(Alignment.CENTER);
        HorizontalLayout actions = new HorizontalLayout();
        for (BulkAction action : BulkAction.values()) {
            Button button = new Button(action.label(), e -> act(action, details));
            button.setId("container-action-" + action.name().toLowerCase(Locale.ROOT));
            boolean applies = switch (action) {
                case START -> !details.state().isActive();
                case STOP, KILL -> details.state().isActive();
                default -> true;
            };
            button.setEnabled(applies);
            if (action == BulkAction.REMOVE) {
                button.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
            actions.add(button);
        }
        add(heading, actions, new ContainerFacts(details), new H3("Environment"), environment(details.environment()),
                new H3("Log"), new LogViewer(containers, id, details.name()));
    }

    private static Grid<EnvironmentVariable> environment(List<EnvironmentVariable> variables) {
        Grid<EnvironmentVariable> grid = new Grid<>();
        grid.setId("container-env");
        grid.setAllRowsVisible(true);
        grid.addColumn(EnvironmentVariable::name).setHeader("Name").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(EnvironmentVariable::shown).setHeader("Value").setFlexGrow(1);
        grid.setItems(variables);
        return grid;
    }

    private void act(BulkAction action, ContainerDetails details) {
        ContainerRow row = new ContainerRow(details.id(), details.name(), details.image(), details.state(), "",
                details.created(), ContainerOperations.STANDALONE);
        if (action != BulkAction.REMOVE) {
            run(action, row);
            return;
        }
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("container-remove-dialog");
        dialog.setHeader("Remove " + details.name() + "?");
        dialog.setText("A running container is killed first. Its log and changes to its files are lost.");
        dialog.setCancelable(true);
        Button confirm = new Button("Remove", e -> {
            dialog.close();
            run(action, row);
        });
        confirm.setId("container-remove-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.setConfirmButton(confirm);
        dialog.open();
    }

    /** Off the UI thread (a stop waits for the container); failures are reported with the engine's reason. */
    private void run(BulkAction action, ContainerRow row) {
        UI ui = UI.getCurrent();
        tasks.run(ui, () -> {
            var result = containers.apply(action, List.of(row));
            if (!result.failed().isEmpty()) {
                throw new io.gantry.console.errors.ConsoleException(result.summary());
            }
            ui.access(() -> {
                if (action == BulkAction.REMOVE) {
                    ui.navigate(ContainersView.class);
                } else {
                    show(containers.details(id));
                }
            });
        }, failure -> { });
    }
}
