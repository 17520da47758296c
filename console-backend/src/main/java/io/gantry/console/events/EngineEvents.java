package io.gantry.console.events;

import io.gantry.console.engine.EngineClient;
import io.gantry.console.errors.ConsoleException;
import io.gantry.core.api.types.EventMessage;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Hands the engine's events to whoever listens. One stream from the engine serves every listener; it is opened by
 * the first and closed after the last, and reopened after a pause when the engine ends it (a restart) while someone
 * still listens. Listeners run on the stream's thread and must hand work to their own (a page uses {@code ui.access}).
 */
@Service
public class EngineEvents {

    private static final Logger LOG = LoggerFactory.getLogger(EngineEvents.class);
    static final Duration RETRY = Duration.ofSeconds(2);

    private final EngineClient engine;
    private final Set<Consumer<EngineChange>> listeners = new CopyOnWriteArraySet<>();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gantry-events-retry");
        t.setDaemon(true);
        return t;
    });
    private EngineClient.@Nullable EventSubscription stream;

    EngineEvents(EngineClient engine) {
        this.engine = engine;
    }

    /** Adds a listener of every event from now on; closing the handle removes it. */
    public Listening listen(Consumer<EngineChange> listener) {
        listeners.add(listener);
        open();
        return () -> {
            listeners.remove(listener);
            closeIfUnused();
        };
    }

    /** A listener's registration. */
    public interface Listening extends AutoCloseable {
        @Override
        void close();
    }

    private synchronized void open() {
        if (stream != null || listeners.isEmpty()) {
            return;
        }
        try {
            // The stream's end is told apart from a later stream's: ended() waits for this lock, so 'opened' is set.
            EngineClient.EventSubscription[] opened = new EngineClient.EventSubscription[1];
            opened[0] = engine.events(this::deliver, () -> ended(opened[0]));
            stream = opened[0];
        } catch (ConsoleException e) {
            LOG.warn("engine events: {}; trying again in {} s", e.getMessage(), RETRY.toSeconds());
            retryLater();
        }
    }

    private void deliver(EventMessage message) {
        EngineChange event = EngineChange.of(message);
        for (Consumer<EngineChange> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("an engine event listener failed", e);
            }
        }
    }

    private synchronized void ended(EngineClient.@Nullable EventSubscription which) {
        if (which == null || which != stream) {
            return; // closed on purpose, or an older stream
        }
        stream = null;
        if (!listeners.isEmpty()) {
            retryLater();
        }
    }

    private void retryLater() {
        if (!retries.isShutdown()) {
            retries.schedule(this::open, RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void closeIfUnused() {
        if (listeners.isEmpty() && stream != null) {
            EngineClient.EventSubscription open = stream;
            stream = null;
            open.close();
        }
    }

    /** Whether a stream from the engine is open now. */
    synchronized boolean isOpen() {
        return stream != null;
    }

    @PreDestroy
    synchronized void stop() {
        retries.shutdownNow();
        listeners.clear();
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }
}
