package io.gantry.console.terminal.ui;

import io.gantry.console.activity.ActivityService;
import io.gantry.console.terminal.TerminalKind;
import org.springframework.stereotype.Component;

/** Opens terminal dialogs for the signed-in user; the container page's way in. */
@Component
public class TerminalDialogs {

    private final TerminalTickets tickets;
    private final ActivityService activity;

    TerminalDialogs(TerminalTickets tickets, ActivityService activity) {
        this.tickets = tickets;
        this.activity = activity;
    }

    /** Opens a shell in the container, or attaches to its terminal, in a dialog over the current page. */
    public void open(String containerId, String containerName, TerminalKind kind) {
        new TerminalDialog(tickets, tickets.issue(activity.currentActor(), containerId, containerName, kind)).open();
    }
}
