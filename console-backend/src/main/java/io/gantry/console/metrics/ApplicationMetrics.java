package io.gantry.console.metrics;

import java.util.List;

/**
 * What an application uses right now: each service, and the sums over them.
 *
 * @param cpuPercent  the services' CPU use added up (100 is one CPU)
 * @param memoryBytes the services' memory in use added up
 */
public record ApplicationMetrics(long applicationId, List<ServiceMetrics> services, double cpuPercent,
                                 long memoryBytes) {

    public ApplicationMetrics {
        services = List.copyOf(services);
    }

    static ApplicationMetrics of(long applicationId, List<ServiceMetrics> services) {
        return new ApplicationMetrics(applicationId, services,
                services.stream().mapToDouble(ServiceMetrics::cpuPercent).sum(),
                services.stream().mapToLong(ServiceMetrics::memoryBytes).sum());
    }
}
