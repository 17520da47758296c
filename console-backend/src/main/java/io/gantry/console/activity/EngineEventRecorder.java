package io.gantry.console.activity;

import io.gantry.console.engine.EngineClient;
import io.gantry.core.api.types.EventMessage;
import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Follows the engine's events from the moment the console is up and records each one, so that what the docker CLI
 * (or anything else) does to the engine shows in the activity log beside what users did. When the stream breaks (the
 * engine restarted, a remote engine went away) it is opened again a few seconds later.
 */
@Component
class EngineEventRecorder {

    private static final Logger log = LoggerFactory.getLogger(EngineEventRecorder.class);
    private static final long RETRY_SECONDS = 5;

    private final EngineClient engine;
    private final ActivityService activity;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "activity-engine-events");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopped;
    private volatile EngineClient.@Nullable EventSubscription subscription;

    EngineEventRecorder(EngineClient engine, ActivityService activity) {
        this.engine = engine;
        this.activity = activity;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        retries.execute(this::follow);
    }

    private void follow() {
        if (stopped) {
            return;
        }
        try {
            subscription = engine.events(this::record, () -> {
                if (!stopped) {
                    retries.schedule(this::follow, RETRY_SECONDS, TimeUnit.SECONDS);
                }
            });
        } catch (RuntimeException e) {
            log.debug("engine events not available ({}); trying again in {} s", e.getMessage(), RETRY_SECONDS);
            retries.schedule(this::follow, RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    void record(EventMessage event) {
        Map<String, String> attributes = new TreeMap<>(event.actor() == null || event.actor().attributes() == null
                ? Map.of() : event.actor().attributes());
        String name = attributes.remove("name");
        String id = event.actor() == null ? "" : event.actor().id();
        String target = name != null ? name : id.length() > 12 && id.matches("[0-9a-f]+") ? id.substring(0, 12) : id;
        String verb = event.action() == null ? "" : event.action().replaceFirst(":.*$", "");
        String detail = attributes.entrySet().stream().filter(e -> !e.getKey().startsWith("io.gantry."))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        boolean failed = "die".equals(verb) && !"0".equals(attributes.getOrDefault("exitCode", "0"));
        activity.record(Actor.ENGINE, event.type() + "." + verb, target, failed, detail);
    }

    @PreDestroy
    void stop() {
        stopped = true;
        EngineClient.EventSubscription current = subscription;
        if (current != null) {
            current.close();
        }
        retries.shutdownNow();
    }
}
