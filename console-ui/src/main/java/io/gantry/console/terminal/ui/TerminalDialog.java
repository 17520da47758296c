package io.gantry.console.terminal.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import io.gantry.console.terminal.TerminalKind;

/**
 * A terminal into a container, in a dialog: term.js draws it in the browser, and its bytes go over the terminal
 * socket opened with this dialog's ticket. Closing the dialog (or the tab) hangs up.
 */
class TerminalDialog extends Dialog {

    /** Loads the emulator and the glue once per page, in order, then opens the terminal in {@code this}. */
    private static final String OPEN = """
            const host = this, path = $0;
            const load = src => new Promise((done, fail) => {
              const script = document.createElement('script');
              script.src = src; script.onload = done; script.onerror = () => fail(new Error('cannot load ' + src));
              document.head.appendChild(script);
            });
            window.gantryTerminalScripts = window.gantryTerminalScripts
              || load('gantry/term.js').then(() => load('gantry/terminal.js'));
            window.gantryTerminalScripts.then(() => window.gantryTerminal.open(host, path),
              e => { host.textContent = e.message; host.dataset.state = 'failed'; });
            """;

    private final TerminalTickets tickets;
    private final TerminalTickets.Ticket ticket;
    final Div screen = new Div();

    TerminalDialog(TerminalTickets tickets, TerminalTickets.Ticket ticket) {
        this.tickets = tickets;
        this.ticket = ticket;
        setId("terminal-dialog");
        setHeaderTitle((ticket.kind() == TerminalKind.SHELL ? "Shell in " : "Attached to ") + ticket.containerName());
        setDraggable(true);
        setResizable(true);
        setWidth("60rem");
        setHeight("34rem");
        screen.setId("terminal-screen");
        screen.addClassName("gantry-terminal");
        screen.getElement().setAttribute("data-state", "loading");
        add(screen);
        Button close = new Button("Close", e -> close());
        close.setId("terminal-close");
        getFooter().add(close);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        screen.getElement().executeJs(OPEN, TerminalSocket.PATH.substring(1) + ticket.token());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        tickets.close(ticket.token());
        super.onDetach(event);
    }
}
