package io.gantry.console.activity;

import io.gantry.console.events.EngineChange;
import io.gantry.console.events.EngineEvents;
import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Follows the engine's events (through the console's one stream, {@link EngineEvents}, which reopens it when the
 * engine restarts) from the moment the console is up and records each one, so that what the docker CLI (or anything
 * else) does to the engine shows in the activity log beside what users did.
 */
@Component
class EngineEventRecorder {

    private final EngineEvents events;
    private final ActivityService activity;
    /** Writes in the events' order, off the stream's thread, which every other listener shares. */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "activity-engine-events");
        t.setDaemon(true);
        return t;
    });
    private volatile EngineEvents.@Nullable Listening listening;

    EngineEventRecorder(EngineEvents events, ActivityService activity) {
        this.events = events;
        this.activity = activity;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        if (listening == null) {
            listening = events.listen(event -> {
                try {
                    writer.execute(() -> record(event));
                } catch (RejectedExecutionException stopping) {
                    // the console is shutting down: what happens now is not its activity
                }
            });
        }
    }

    void record(EngineChange event) {
        Map<String, String> attributes = new TreeMap<>(event.attributes());
        String name = attributes.remove("name");
        String id = event.actorId();
        String target = name != null ? name : id.length() > 12 && id.matches("[0-9a-f]+") ? id.substring(0, 12) : id;
        String verb = event.action().replaceFirst(":.*$", "");
        String detail = attributes.entrySet().stream().filter(e -> !e.getKey().startsWith("io.gantry."))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        boolean failed = "die".equals(verb) && !"0".equals(attributes.getOrDefault("exitCode", "0"));
        activity.record(Actor.ENGINE, event.type() + "." + verb, target, failed, detail);
    }

    @PreDestroy
    synchronized void stop() {
        EngineEvents.Listening current = listening;
        listening = null;
        if (current != null) {
            current.close();
        }
        writer.shutdownNow();
    }
}
