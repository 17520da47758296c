package io.gantry.console.app.ui;

import com.vaadin.flow.component.UI;
import io.gantry.console.base.ui.LiveUpdates;
import io.gantry.console.engine.EngineClient;
import io.gantry.console.metrics.ContainerUsage;
import io.gantry.console.metrics.MetricsService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Follows the CPU and memory of an application's running services, one stats stream per container, handing each
 * reading to the page in its UI. A stream ends when its container stops; a later start follows the container afresh.
 */
final class UsageFollower {

    private final MetricsService metrics;
    private final BiConsumer<String, ContainerUsage> onReading;
    private final Map<String, String> containerOf = new HashMap<>();
    private final Map<String, EngineClient.EventSubscription> streams = new HashMap<>();

    /** @param onReading runs in the UI with the service and its reading */
    UsageFollower(MetricsService metrics, BiConsumer<String, ContainerUsage> onReading) {
        this.metrics = metrics;
        this.onReading = onReading;
    }

    /** Follows exactly these services (service → container id): new ones are followed, gone ones dropped. Call in the UI. */
    void follow(Map<String, String> running) {
        for (String service : List.copyOf(streams.keySet())) {
            if (!running.getOrDefault(service, "").equals(containerOf.get(service))) {
                streams.remove(service).close();
                containerOf.remove(service);
            }
        }
        UI ui = UI.getCurrent();
        running.forEach((service, container) -> {
            if (!streams.containsKey(service)) {
                containerOf.put(service, container);
                EngineClient.EventSubscription[] handle = new EngineClient.EventSubscription[1];
                handle[0] = metrics.followUsage(container, reading -> LiveUpdates.access(ui, () -> onReading.accept(service, reading)),
                        () -> LiveUpdates.access(ui, () -> ended(service, handle[0])));
                streams.put(service, handle[0]);
            }
        });
    }

    void stop() {
        streams.values().forEach(EngineClient.EventSubscription::close);
        streams.clear();
        containerOf.clear();
    }

    private void ended(String service, EngineClient.EventSubscription handle) {
        if (streams.get(service) == handle) {
            streams.remove(service);
            containerOf.remove(service);
        }
    }
}
