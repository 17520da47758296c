package io.gantry.console.terminal.ui;

import io.gantry.console.activity.Actor;
import io.gantry.console.terminal.TerminalKind;
import io.gantry.console.terminal.TerminalSession;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * One-time tickets that let a terminal dialog's browser code open the terminal socket: a ticket names the user, the
 * container and the kind of terminal, can be redeemed once, by the same user, within a minute. The open session is
 * kept under its ticket so that closing the dialog on the server also hangs up.
 */
@Component
class TerminalTickets {

    static final Duration VALID_FOR = Duration.ofMinutes(1);

    record Ticket(String token, Actor actor, String container, String containerName, TerminalKind kind, Instant issued) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Map<String, Ticket> unredeemed = new ConcurrentHashMap<>();
    private final Map<String, TerminalSession> open = new ConcurrentHashMap<>();

    TerminalTickets(Clock clock) {
        this.clock = clock;
    }

    Ticket issue(Actor actor, String container, String containerName, TerminalKind kind) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Ticket ticket = new Ticket(token, actor, container, containerName, kind, clock.instant());
        unredeemed.values().removeIf(t -> expired(t));
        unredeemed.put(token, ticket);
        return ticket;
    }

    /** The ticket, once, if it is fresh and {@code user} is who it was issued to. */
    Optional<Ticket> redeem(String token, String user) {
        Ticket ticket = unredeemed.remove(token);
        if (ticket == null || expired(ticket) || !ticket.actor().name().equals(user)) {
            return Optional.empty();
        }
        return Optional.of(ticket);
    }

    void opened(String token, TerminalSession session) {
        open.put(token, session);
    }

    /** Hangs up the terminal opened with this ticket (if any), and voids the ticket if it was never used. */
    void close(String token) {
        unredeemed.remove(token);
        TerminalSession session = open.remove(token);
        if (session != null) {
            session.close();
        }
    }

    Optional<TerminalSession> session(String token) {
        return Optional.ofNullable(open.get(token));
    }

    private boolean expired(Ticket ticket) {
        return ticket.issued().plus(VALID_FOR).isBefore(clock.instant());
    }
}
