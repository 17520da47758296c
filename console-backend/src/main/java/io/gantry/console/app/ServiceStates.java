package io.gantry.console.app;

import io.gantry.console.engine.EngineCallException;
import io.gantry.console.engine.EngineClient;
import io.gantry.core.api.types.ContainerInspect;
import io.gantry.core.api.types.HostConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * What the application page shows of each service, read from the engine in one inspect per container: its status
 * and the host ports it is reachable on (which the engine chose, for ports the template left automatic).
 */
@Service
public class ServiceStates {

    private final ApplicationService applications;
    private final EngineClient engine;

    ServiceStates(ApplicationService applications, EngineClient engine) {
        this.applications = applications;
        this.engine = engine;
    }

    /** Each service in the application's order. */
    public List<ServiceState> of(long applicationId) {
        List<ServiceState> states = new ArrayList<>();
        for (AppService service : applications.services(applicationId)) {
            states.add(service.container().map(id -> read(service, id))
                    .orElseGet(() -> new ServiceState(service, ServiceStatus.MISSING, null, List.of())));
        }
        return states;
    }

    private ServiceState read(AppService service, String containerId) {
        ContainerInspect container;
        try {
            container = engine.inspectContainer(containerId);
        } catch (EngineCallException e) {
            if (e.isNotFound()) {
                return new ServiceState(service, ServiceStatus.MISSING, containerId, List.of());
            }
            throw e;
        }
        ServiceStatus status = ServiceStatus.fromEngine(container.state().status(), container.state().exitCode());
        return new ServiceState(service, status, containerId, published(container));
    }

    private static List<PublishedPort> published(ContainerInspect container) {
        List<PublishedPort> ports = new ArrayList<>();
        if (container.networkSettings() == null || container.networkSettings().ports() == null) {
            return ports;
        }
        for (Map.Entry<String, List<HostConfig.PortBinding>> e : container.networkSettings().ports().entrySet()) {
            String[] key = e.getKey().split("/", 2);
            if (e.getValue() == null || !key[0].matches("[0-9]{1,5}")) {
                continue;
            }
            for (HostConfig.PortBinding binding : e.getValue()) {
                if (binding.hostPort() != null && binding.hostPort().matches("[0-9]{1,5}")) {
                    ports.add(new PublishedPort(Integer.parseInt(key[0]), key.length > 1 ? key[1] : "tcp",
                            binding.hostIp() == null ? "" : binding.hostIp(), Integer.parseInt(binding.hostPort())));
                }
            }
        }
        ports.sort(java.util.Comparator.comparingInt(PublishedPort::containerPort).thenComparing(PublishedPort::hostIp));
        return ports;
    }
}
