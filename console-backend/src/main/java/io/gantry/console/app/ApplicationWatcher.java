package io.gantry.console.app;

import io.gantry.console.engine.EngineClient;
import io.gantry.console.engine.EngineEndpoint;
import io.gantry.console.errors.ConsoleException;
import io.gantry.core.api.types.EventMessage;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the console's view of its applications true to the engine: when the console starts it reconciles every
 * application of the engine it drives, then it follows the engine's events and reconciles an application whenever one
 * of its containers is created, started, stopped, renamed or removed — by the console or behind its back. An engine
 * that cannot be reached (not started yet, restarted, gone) is tried again, less often the longer it stays away;
 * nothing of that reaches the pages but the log line.
 */
@Component
class ApplicationWatcher implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationWatcher.class);
    private static final long FIRST_RETRY_MS = 500;
    private static final long LAST_RETRY_MS = 30_000;
    /** Container events after which a container may no longer be what the console made. */
    private static final Set<String> CHANGES = Set.of("create", "start", "restart", "die", "stop", "kill", "destroy",
            "rename", "update", "pause", "unpause", "oom");

    private final ApplicationService applications;
    private final EngineClient engine;
    private final EngineEndpoint endpoint;
    /** Applications with a reconciliation queued: a burst of events (a whole deployment) costs one each. */
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();
    private volatile @Nullable ScheduledExecutorService worker;
    private volatile EngineClient.@Nullable EventSubscription subscription;
    private volatile boolean connected;
    private long retryMs = FIRST_RETRY_MS;

    ApplicationWatcher(ApplicationService applications, EngineClient engine, EngineEndpoint endpoint) {
        this.applications = applications;
        this.engine = engine;
        this.endpoint = endpoint;
    }

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
        retryMs = FIRST_RETRY_MS;
        w.execute(this::connect);
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService w = worker;
        worker = null;
        connected = false;
        EngineClient.EventSubscription s = subscription;
        subscription = null;
        if (s != null) {
            s.close();
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
        return connected;
    }

    /** Subscribes first, then reconciles everything: a change between the two is then seen twice, never missed. */
    private void connect() {
        if (worker == null) {
            return;
        }
        try {
            subscription = engine.events(this::onEvent, this::onEnd);
            connected = true;
            retryMs = FIRST_RETRY_MS;
            LOG.info("Following the events of the engine at {}", endpoint.url());
            for (Application app : applications.listOn(endpoint.url())) {
                reconcile(app.id());
            }
        } catch (ConsoleException e) {
            if (retryMs == FIRST_RETRY_MS) {
                LOG.warn("The engine at {} cannot be reached ({}); trying again.", endpoint.url(), e.getMessage());
            }
            retry();
        }
    }

    private void onEnd() {
        connected = false;
        subscription = null;
        if (worker != null) {
            LOG.warn("The events of the engine at {} broke off; following them again.", endpoint.url());
            retry();
        }
    }

    private void retry() {
        ScheduledExecutorService w = worker;
        if (w != null && !w.isShutdown()) {
            long delay = retryMs;
            retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
            w.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        }
    }

    private void onEvent(EventMessage event) {
        if (!"container".equals(event.type()) || event.actor() == null || event.actor().attributes() == null) {
            return;
        }
        String action = event.action() == null ? "" : event.action().split(":", 2)[0].strip();
        String app = event.actor().attributes().get(ContainerSettings.APP_LABEL);
        String name = event.actor().attributes().get("name");
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
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
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
