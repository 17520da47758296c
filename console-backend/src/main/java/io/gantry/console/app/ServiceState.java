package io.gantry.console.app;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A service of an application as it is on the engine now.
 *
 * @param containerId the container the console knows for it, or null
 * @param published   its ports as published on the host, empty unless it runs
 */
public record ServiceState(AppService service, ServiceStatus status, @Nullable String containerId,
                           List<PublishedPort> published) {

    public ServiceState {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(status, "status");
        published = List.copyOf(published);
    }

    public String name() {
        return service.name();
    }
}
