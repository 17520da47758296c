package io.gantry.core.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.core.api.types.EventMessage;
import io.gantry.core.events.EngineEvent;
import io.gantry.core.events.EventLog;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** {@code GET /events}: past events since a time, then live ones until a time or until the client leaves. */
final class EventsHandler {

    private static final Set<String> FILTERS = Set.of("type", "event", "container", "image", "label", "network",
            "volume", "scope", "daemon");
    /** A client that reads slower than the engine produces is cut off rather than buffered without bound. */
    private static final int MAX_BACKLOG = 10_000;

    private final EventLog log;
    private final ObjectMapper json;
    private final Clock clock;

    EventsHandler(EventLog log, ObjectMapper json, Clock clock) {
        this.log = log;
        this.json = json;
        this.clock = clock;
    }

    void register(Router router) {
        router.add("GET", "/events", (rq, rs, p) -> events(rq, rs));
    }

    private void events(HttpRequest request, HttpResponse response) throws IOException {
        Filters filters = Filters.parse(request, json, FILTERS);
        Instant since = request.time("since").orElse(null);
        Optional<Instant> until = request.time("until");
        BlockingQueue<EngineEvent> live = new LinkedBlockingQueue<>(MAX_BACKLOG);
        try (EventLog.Subscription subscription = log.subscribe(since, live::offer)) {
            OutputStream out = response.stream(200, "application/json");
            for (EngineEvent event : subscription.past()) {
                if (until.isPresent() && event.time().isAfter(until.get())) {
                    break;
                }
                write(out, event, filters);
            }
            while (until.isEmpty() || clock.instant().isBefore(until.get())) {
                long waitMs = until.map(u -> Math.max(1, u.toEpochMilli() - clock.millis())).orElse(1000L);
                EngineEvent event = live.poll(Math.min(waitMs, 1000), TimeUnit.MILLISECONDS);
                if (event != null && until.map(u -> !event.time().isAfter(u)).orElse(true)) {
                    write(out, event, filters);
                }
            }
            out.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        response.closeAfterwards();
    }

    private void write(OutputStream out, EngineEvent event, Filters filters) throws IOException {
        if (!matches(event, filters)) {
            return;
        }
        out.write(json.writeValueAsBytes(toWire(event)));
        out.write('\n');
    }

    static boolean matches(EngineEvent event, Filters filters) {
        Map<String, String> attributes = event.attributes();
        String name = attributes.getOrDefault("name", "");
        return filters.accepts("type", event.type())
                && filters.accepts("event", event.action())
                && filters.accepts("scope", "local")
                && (!event.type().equals("container") || filters.accepts("container", event.actorId(), name))
                && (!filters.values().containsKey("container") || event.type().equals("container"))
                && filters.accepts("image", attributes.getOrDefault("image", event.type().equals("image") ? event.actorId() : ""))
                && (!event.type().equals("network") || filters.accepts("network", event.actorId(), name))
                && (!event.type().equals("volume") || filters.accepts("volume", event.actorId()))
                && filters.acceptsLabels(attributes);
    }

    static EventMessage toWire(EngineEvent event) {
        long nanos = event.time().getEpochSecond() * 1_000_000_000L + event.time().getNano();
        boolean container = event.type().equals("container");
        return new EventMessage(container ? event.action() : null, container ? event.actorId() : null,
                container ? event.attributes().get("image") : null, event.type(), event.action(),
                new EventMessage.Actor(event.actorId(), event.attributes()), "local", event.time().getEpochSecond(), nanos);
    }
}
