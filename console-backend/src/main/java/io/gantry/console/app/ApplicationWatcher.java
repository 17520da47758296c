package io.gantry.console.app;

import io.gantry.console.engine.EngineEndpoint;
import io.gantry.console.errors.ConsoleException;
import io.gantry.console.events.EngineChange;
import io.gantry.console.events.EngineEvents;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the console's view of its applications true to the engine: when the console starts it reconciles every
 * application of the engine it drives, then it follows the engine's events (through the console's one stream,
 * {@link EngineEvents}) and reconciles an application whenever one of its containers is created, started, stopped,
 * renamed or removed — by the console or behind its back. When the stream comes back after a gap (the engine
 * restarted, or could not be reached) every application is reconciled again, since the events of the gap are lost.
 */
@Component
class ApplicationWatcher implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationWatcher.class);
    /** Container events after which a container may no longer be what the console made. */
    private static final Set<String> CHANGES = Set.of("create", "start", "restart", "die", "stop", "kill", "destroy",
            "rename", "update", "pause", "unpause", "oom");

    private final ApplicationService applications;
    private final EngineEvents events;
    private final EngineEndpoint endpoint;
    /** Applications with a reconciliation queued: a burst of events (a whole deployment) costs one each. */
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();
    private volatile @Nullable ScheduledExecutorService worker;
    private volatile EngineEvents.@Nullable Listening listening;

    ApplicationWatcher(ApplicationService applications, EngineEvents events, EngineEndpoint endpoint) {
        this.applications = applications;
        this.events = events;
        this.endpoint = endpoint;
    }

    /** Listens first, then reconciles everything: a change between the two is then seen twice, never missed. */
    @Override
    public synchronized void start() {
        if (worker != null) {
            return;
        }
        ScheduledExecutorService w = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "application-watcher");
            t.setDaemon(true);
            return t;
        });
        worker = w;
        listening = events.listen(new EngineEvents.Listener() {
            @Override
            public void changed(EngineChange event) {
                onEvent(event);
            }

            @Override
            public void reopened() {
                submit(w, ApplicationWatcher.this::reconcileAll);
            }
        });
        w.execute(this::reconcileAll);
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService w = worker;
        worker = null;
        EngineEvents.Listening l = listening;
        listening = null;
        if (l != null) {
            l.close();
        }
        if (w != null) {
            w.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    /** Whether the engine's events are being followed right now. */
    boolean isConnected() {
        return listening != null && events.isOpen();
    }

    private void reconcileAll() {
        try {
            for (Application app : applications.listOn(endpoint.url())) {
                reconcile(app.id());
            }
        } catch (RuntimeException e) {
            LOG.warn("Reconciling the applications of {} failed", endpoint.url(), e);
        }
    }

    private void onEvent(EngineChange event) {
        if (!event.isContainer()) {
            return;
        }
        String action = event.action().split(":", 2)[0].strip();
        String app = event.attributes().get(ContainerSettings.APP_LABEL);
        String name = event.name().orElse(null);
        if (CHANGES.contains(action) && app != null && app.matches("[0-9]{1,18}")) {
            queue(Long.parseLong(app));
        } else if ((action.equals("create") || action.equals("rename")) && name != null) {
            // a container the console did not make may take a service's name (docker rm, then docker run --name):
            // whether the application's reconciliation ran before or after it, the application has drifted
            ScheduledExecutorService w = worker;
            if (w != null) {
                submit(w, () -> applicationsWithContainer(name).forEach(this::queue));
            }
        }
    }

    /** Reconciles the application a moment from now; a burst of events (die, stop, destroy) costs one. */
    private void queue(long id) {
        ScheduledExecutorService w = worker;
        if (w != null && queued.add(id)) {
            if (!submit(w, () -> {
                queued.remove(id);
                reconcile(id);
            })) {
                queued.remove(id);
            }
        }
    }

    private static boolean submit(ScheduledExecutorService w, Runnable task) {
        try {
            w.schedule(task, 100, TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException stopping) {
            return false;
        }
    }

    /** The applications on this engine one of whose services' containers is named {@code container}. */
    private List<Long> applicationsWithContainer(String container) {
        try {
            return applications.listOn(endpoint.url()).stream()
                    .filter(a -> container.startsWith(a.slug() + "-") && applications.services(a.id()).stream()
                            .anyMatch(s -> DockerNames.container(a.slug(), s.name()).equals(container)))
                    .map(Application::id).toList();
        } catch (ConsoleException e) {
            return List.of(); // an application removed meanwhile
        }
    }

    /** Work under way on the application reconciles it when done; an application removed meanwhile is skipped. */
    private void reconcile(long id) {
        if (applications.isBusy(id)) {
            return;
        }
        try {
            applications.find(id).filter(a -> a.engine().equals(endpoint.url()))
                    .ifPresent(a -> applications.reconcile(a.id()));
        } catch (ConsoleException e) {
            LOG.debug("Reconciling application {} failed: {}", id, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Reconciling application {} failed", id, e); // the watcher must outlive a bug in one check
        }
    }
}
