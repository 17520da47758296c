package io.gantry.core.events;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Events in the order they happened: the last {@value #KEPT} are kept for readers that ask for the past, and every
 * new one goes to the current subscribers. A subscriber must not block: it runs on the publishing thread.
 */
public final class EventLog {

    static final int KEPT = 1024;

    private final Clock clock;
    private final Deque<EngineEvent> recent = new ArrayDeque<>();
    private final List<Consumer<EngineEvent>> subscribers = new CopyOnWriteArrayList<>();

    public EventLog(Clock clock) {
        this.clock = clock;
    }

    public EngineEvent publish(String type, String action, String actorId, Map<String, String> attributes) {
        EngineEvent event = new EngineEvent(type, action, actorId, attributes, clock.instant());
        synchronized (recent) {
            if (recent.size() == KEPT) {
                recent.removeFirst();
            }
            recent.addLast(event);
            // Under the same lock as the history, so a new subscriber sees each event exactly once.
            subscribers.forEach(s -> s.accept(event));
        }
        return event;
    }

    /**
     * Subscribes and returns, atomically, the kept events at or after {@code since} (none when null): a reader that
     * replays the past and then follows misses nothing and sees nothing twice.
     */
    public Subscription subscribe(@Nullable Instant since, Consumer<EngineEvent> subscriber) {
        synchronized (recent) {
            List<EngineEvent> past = new ArrayList<>();
            if (since != null) {
                recent.stream().filter(e -> !e.time().isBefore(since)).forEach(past::add);
            }
            subscribers.add(subscriber);
            return new Subscription(List.copyOf(past), () -> subscribers.remove(subscriber));
        }
    }

    /** How many subscribers follow the events now: one per open {@code GET /events} stream. */
    public int subscribers() {
        return subscribers.size();
    }

    /** The past events a subscription started with, and how to end it. */
    public record Subscription(List<EngineEvent> past, Runnable cancel) implements AutoCloseable {
        @Override
        public void close() {
            cancel.run();
        }
    }
}
