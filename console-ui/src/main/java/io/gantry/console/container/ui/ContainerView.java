package io.gantry.console.container.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import io.gantry.console.base.ui.DangerConfirm;
import io.gantry.console.base.ui.UiTasks;
import io.gantry.console.container.BulkAction;
import io.gantry.console.container.ContainerDetails;
import io.gantry.console.container.ContainerOperations;
import io.gantry.console.container.ContainerRow;
import io.gantry.console.container.ContainerState;
import io.gantry.console.container.EnvironmentVariable;
import io.gantry.console.metrics.MetricsService;
import io.gantry.console.terminal.TerminalKind;
import io.gantry.console.terminal.ui.TerminalDialogs;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;

/** One container: its actions, terminal, configuration, live usage charts, environment (secrets masked) and log. */
@Route("containers/:id")
@PageTitle("Container · Gantry")
@PermitAll
class ContainerView extends VerticalLayout implements BeforeEnterObserver {

    private final ContainerOperations containers;
    private final MetricsService metrics;
    private final TerminalDialogs terminals;
    private final UiTasks tasks;
    private String id = "";

    ContainerView(ContainerOperations containers, MetricsService metrics, TerminalDialogs terminals, UiTasks tasks) {
        this.containers = containers;
        this.metrics = metrics;
        this.terminals = terminals;
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
        actions.setWidthFull();
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
        actions.add(tools(details));
        VaadinRequest request = VaadinRequest.getCurrent();
        String browserHost = request == null ? "localhost" : request.getHeader("Host") == null ? "localhost"
                : request.getHeader("Host").replaceFirst(":[0-9]+$", "");
        add(heading, actions, new ContainerFacts(details, browserHost), new H3("Usage"),
                new ContainerCharts(metrics, id, details.state().isActive()), new H3("Environment"),
                environment(details.environment()), new H3("Log"), new LogViewer(containers, id, details.name()));
    }

    /** Terminal (a shell, or the container's own terminal when it has one) and commit. */
    private HorizontalLayout tools(ContainerDetails details) {
        Button shell = new Button("Terminal", VaadinIcon.TERMINAL.create(),
                e -> terminals.open(details.id(), details.name(), TerminalKind.SHELL));
        shell.setId("container-terminal");
        shell.setEnabled(details.state() == ContainerState.RUNNING);
        Button attach = new Button("Attach", e -> terminals.open(details.id(), details.name(), TerminalKind.ATTACH));
        attach.setId("container-attach");
        attach.setVisible(details.attachable());
        Button commit = new Button("Commit…", VaadinIcon.ARCHIVE.create(), e -> openCommit(details));
        commit.setId("container-commit");
        HorizontalLayout tools = new HorizontalLayout(shell, attach, commit);
        tools.getStyle().set("margin-left", "auto");
        return tools;
    }

    private void openCommit(ContainerDetails details) {
        CommitDialog dialog = new CommitDialog(details.name());
        dialog.addCommitListener(e -> {
            UI ui = UI.getCurrent();
            dialog.commit.setEnabled(false);
            tasks.run(ui, () -> {
                String image = containers.commit(details.id(), details.name(), e.reference, e.comment);
                ui.access(() -> {
                    dialog.close();
                    Notification.show("Saved as " + e.reference + " (" + image.replaceFirst("^sha256:", "")
                            .substring(0, 12) + ")", 5000, Notification.Position.TOP_CENTER)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                });
            }, failure -> dialog.commit.setEnabled(true));
        });
        dialog.open();
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
        new DangerConfirm("container-remove", "Remove " + details.name() + "?",
                "A running container is killed first. Its log and changes to its files are lost.", "Remove",
                () -> run(action, row)).open();
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
