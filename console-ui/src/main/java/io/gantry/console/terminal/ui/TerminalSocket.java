package io.gantry.console.terminal.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.console.terminal.TerminalService;
import io.gantry.console.terminal.TerminalSession;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /terminal/socket/<ticket>?rows=R&cols=C}: the browser terminal's bytes. The handshake has passed the console
 * login (Spring Security guards the path); the ticket must have been issued to the same user. From the browser come
 * JSON texts ({@code {"type":"input","data":…}}, {@code {"type":"resize","rows":…,"cols":…}}); to it go the
 * process's output bytes. Either side closing hangs up the other.
 */
@Component
class TerminalSocket extends TextWebSocketHandler {

    static final String PATH = "/terminal/socket/";
    private static final Logger log = LoggerFactory.getLogger(TerminalSocket.class);
    private static final String TICKET = "gantry.ticket";
    private static final int SEND_TIMEOUT_MS = 10_000;
    private static final int BUFFER_LIMIT = 1 << 20;

    private final TerminalTickets tickets;
    private final TerminalService terminals;
    private final ObjectMapper json;

    TerminalSocket(TerminalTickets tickets, TerminalService terminals, ObjectMapper json) {
        this.tickets = tickets;
        this.terminals = terminals;
        this.json = json;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) throws IOException {
        WebSocketSession socket = new ConcurrentWebSocketSessionDecorator(raw, SEND_TIMEOUT_MS, BUFFER_LIMIT);
        URI uri = raw.getUri();
        Principal user = raw.getPrincipal();
        String token = uri == null ? "" : uri.getPath().substring(uri.getPath().lastIndexOf('/') + 1);
        Optional<TerminalTickets.Ticket> ticket = user == null ? Optional.empty() : tickets.redeem(token, user.getName());
        if (ticket.isEmpty()) {
            raw.close(CloseStatus.POLICY_VIOLATION.withReason("this terminal was not opened here, or has expired"));
            return;
        }
        var query = UriComponentsBuilder.fromUri(uri).build().getQueryParams();
        int rows = number(query.getFirst("rows"), 24);
        int cols = number(query.getFirst("cols"), 80);
        TerminalTickets.Ticket t = ticket.get();
        raw.getAttributes().put(TICKET, token);
        try {
            TerminalSession session = terminals.open(t.actor(), t.container(), t.containerName(), t.kind(), rows, cols,
                    bytes -> send(socket, bytes), () -> ended(socket, token));
            tickets.opened(token, session);
        } catch (RuntimeException e) {
            raw.close(CloseStatus.SERVER_ERROR.withReason(reason(e.getMessage())));
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession socket, TextMessage message) throws IOException {
        String token = (String) socket.getAttributes().get(TICKET);
        Optional<TerminalSession> session = token == null ? Optional.empty() : tickets.session(token);
        if (session.isEmpty()) {
            return;
        }
        JsonNode item = json.readTree(message.getPayload());
        switch (item.path("type").asText()) {
            case "input" -> session.get().type(item.path("data").asText().getBytes(StandardCharsets.UTF_8));
            case "resize" -> session.get().resize(item.path("rows").asInt(), item.path("cols").asInt());
            default -> log.debug("terminal message of unknown type ignored: {}", item.path("type").asText());
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
        Object token = socket.getAttributes().get(TICKET);
        if (token != null) {
            tickets.close((String) token);
        }
    }

    private static void send(WebSocketSession socket, byte[] bytes) {
        try {
            if (socket.isOpen()) {
                socket.sendMessage(new BinaryMessage(bytes));
            }
        } catch (IOException | RuntimeException browserGone) {
            // the close handler hangs up
        }
    }

    private void ended(WebSocketSession socket, String token) {
        tickets.close(token);
        try {
            socket.close(CloseStatus.NORMAL.withReason("process ended"));
        } catch (IOException alreadyClosed) {
            // nothing left to tell the browser
        }
    }

    private static int number(String text, int fallback) {
        try {
            return text == null ? fallback : Math.max(1, Math.min(1000, Integer.parseInt(text)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A close reason is at most 123 bytes. */
    private static String reason(String message) {
        String text = message == null ? "the terminal could not be opened" : message;
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }
}
