package io.gantry.console.app;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The latest reconciliation of each application, and who wants to hear of new ones (pages showing the state). */
final class Reconciliations {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciliations.class);

    private final Map<Long, Reconciliation> latest = new ConcurrentHashMap<>();
    private final List<Consumer<Reconciliation>> listeners = new CopyOnWriteArrayList<>();

    void put(Reconciliation reconciliation) {
        latest.put(reconciliation.applicationId(), reconciliation);
        for (Consumer<Reconciliation> listener : listeners) {
            try {
                listener.accept(reconciliation);
            } catch (RuntimeException e) {
                // one page's failure (a closed browser tab) must not keep the news from the others
                LOG.warn("A reconciliation listener failed: {}", e.toString());
            }
        }
    }

    Optional<Reconciliation> latest(long application) {
        return Optional.ofNullable(latest.get(application));
    }

    void forget(long application) {
        latest.remove(application);
    }

    ApplicationService.Subscription listen(Consumer<Reconciliation> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
