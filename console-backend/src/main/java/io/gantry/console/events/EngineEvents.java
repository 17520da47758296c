package io.gantry.console.events;

import io.gantry.console.engine.EngineClient;
import io.gantry.console.errors.ConsoleException;
import io.gantry.core.api.types.EventMessage;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Hands the engine's events to whoever listens. One stream from the engine serves every listener of the console (the
 * application watcher, the activity log, the pages); it is opened by the first and closed after the last, and reopened
 * after a pause when the engine ends it (a restart) or cannot be reached while someone still listens. Listeners run on
 * the stream's thread and must hand work to their own (a page uses {@code ui.access}).
 */
@Service
public class EngineEvents {

    private static final Logger LOG = LoggerFactory.getLogger(EngineEvents.class);
    static final Duration RETRY = Duration.ofSeconds(2);

    private final EngineClient engine;
    private final Set<Listener> listeners = new CopyOnWriteArraySet<>();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gantry-events-retry");
        t.setDaemon(true);
        return t;
    });
    private EngineClient.@Nullable EventSubscription stream;
    /** Whether the last attempt to open a stream failed: the engine's absence is logged once, not every retry. */
    private boolean failing;
    /** Whether an attempt is scheduled already: many listeners joining during an outage make one retry, not many. */
    private boolean retrying;

    public EngineEvents(EngineClient engine) {
        this.engine = engine;
    }

    /**
     * Adds a listener of every event from now on; closing the handle removes it. The stream is open when this returns,
     * unless the engine cannot be reached: the listener is then told {@link Listener#reopened()} once it is.
     */
    public Listening listen(Listener listener) {
        listeners.add(listener);
        open(listener);
        return () -> {
            listeners.remove(listener);
            closeIfUnused();
        };
    }

    /** Someone who follows the engine's events. */
    @FunctionalInterface
    public interface Listener {

        /** One event; runs on the stream's thread. */
        void changed(EngineChange event);

        /**
         * The stream was opened again after a gap (the engine ended it, or could not be reached): the events of the gap
         * are lost, so whatever the listener derives from events may be stale and should be read afresh. Runs on the
         * thread that opened the stream; at worst a listener is told once more than needed, never once less.
         */
        default void reopened() {
        }
    }

    /** A listener's registration. */
    public interface Listening extends AutoCloseable {
        @Override
        void close();
    }

    /** Opens the stream if none is open; the listeners that were there before {@code joining} missed events. */
    private void open(@Nullable Listener joining) {
        List<Listener> missed;
        synchronized (this) {
            if (stream != null || listeners.isEmpty()) {
                return;
            }
            try {
                // The stream's end is told apart from a later stream's: ended() waits for this lock, so 'opened' is set
                EngineClient.EventSubscription[] opened = new EngineClient.EventSubscription[1];
                opened[0] = engine.events(this::deliver, () -> ended(opened[0]));
                stream = opened[0];
            } catch (ConsoleException e) {
                if (!failing) {
                    LOG.warn("engine events: {}; trying again every {} s", e.getMessage(), RETRY.toSeconds());
                }
                failing = true;
                retryLater();
                return;
            }
            missed = listeners.stream().filter(l -> l != joining).toList();
            if (failing || !missed.isEmpty()) {
                LOG.info("Following the engine's events again");
            }
            failing = false;
        }
        for (Listener listener : missed) {
            try {
                listener.reopened();
            } catch (RuntimeException e) {
                LOG.warn("an engine event listener failed", e);
            }
        }
    }

    private void deliver(EventMessage message) {
        EngineChange event = EngineChange.of(message);
        for (Listener listener : listeners) {
            try {
                listener.changed(event);
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
            LOG.warn("The engine ended its events; following them again in {} s", RETRY.toSeconds());
            retryLater();
        }
    }

    private synchronized void retryLater() {
        if (!retrying && !retries.isShutdown()) {
            retrying = true;
            retries.schedule(this::retry, RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void retry() {
        synchronized (this) {
            retrying = false;
        }
        open(null);
    }

    private synchronized void closeIfUnused() {
        if (listeners.isEmpty() && stream != null) {
            EngineClient.EventSubscription open = stream;
            stream = null;
            open.close();
        }
    }

    /** Whether a stream from the engine is open now. */
    public synchronized boolean isOpen() {
        return stream != null;
    }

    /** Closes the stream and forgets every listener, for good: the console does this when it shuts down. */
    @PreDestroy
    public synchronized void stop() {
        retries.shutdownNow();
        listeners.clear();
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }
}
