package io.gantry.console.app;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a reconciliation found: each service's container compared with what the application says it should be.
 *
 * @param services service name → its drift, in the application's order
 */
public record Reconciliation(long applicationId, Instant checkedAt, Map<String, ServiceDrift> services) {

    public Reconciliation {
        Objects.requireNonNull(checkedAt, "checkedAt");
        services = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(services));
    }

    /** Whether some service is missing or changed. */
    public boolean needsAttention() {
        return services.values().stream().anyMatch(d -> !(d instanceof ServiceDrift.InSync));
    }
}
