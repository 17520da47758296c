package io.gantry.console.app;

import io.gantry.core.api.types.ContainerConfig;
import io.gantry.core.api.types.ContainerCreateRequest;
import io.gantry.core.api.types.ContainerCreateRequest.EndpointSettings;
import io.gantry.core.api.types.HostConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Translates {@link ContainerSettings} into the Engine API's create request, and nothing else. */
final class ContainerRequests {

    private ContainerRequests() {
    }

    static ContainerCreateRequest of(ContainerSettings c) {
        Map<String, Map<String, Object>> exposed = new LinkedHashMap<>();
        c.exposedPorts().forEach(key -> exposed.put(key, Map.of()));
        ContainerConfig config = new ContainerConfig(null, null, null, false, false, false, exposed, false, false,
                false, c.env(), emptyToNull(c.command()), c.image(), null, null, emptyToNull(c.entrypoint()),
                c.labels(), null, null);
        HostConfig host = new HostConfig(emptyToNull(c.volumes().stream().map(VolumeBinding::bind).toList()),
                portBindings(c.ports()), false, restart(c.restart()), false, c.network(), null, null, null,
                nullToZero(c.memoryBytes()), 0, nullToZero(c.nanoCpus()), 0, null, null, c.privileged(),
                emptyToNull(c.capAdd()), null, null, false, null, null, null, 0, null);
        ContainerCreateRequest.NetworkingConfig networking = c.onApplicationNetwork()
                ? new ContainerCreateRequest.NetworkingConfig(Map.of(c.network(), new EndpointSettings(
                        c.networkAliases(), null, null, null, null, null, 0, null, null)))
                : null;
        return new ContainerCreateRequest(config, host, networking);
    }

    private static @Nullable Map<String, List<HostConfig.PortBinding>> portBindings(List<ServicePort> ports) {
        if (ports.isEmpty()) {
            return null;
        }
        Map<String, List<HostConfig.PortBinding>> bindings = new LinkedHashMap<>();
        for (ServicePort p : ports) {
            bindings.computeIfAbsent(p.dockerKey(), k -> new ArrayList<>()).add(new HostConfig.PortBinding(
                    p.hostIp() == null ? "" : p.hostIp(), p.hostPort() == null ? "" : p.hostPort().toString()));
        }
        return bindings;
    }

    private static HostConfig.@Nullable RestartPolicy restart(@Nullable RestartPolicy policy) {
        return policy == null ? null : new HostConfig.RestartPolicy(policy.name(), policy.maximumRetryCount());
    }

    private static <T> @Nullable List<T> emptyToNull(List<T> list) {
        return list.isEmpty() ? null : list;
    }

    private static long nullToZero(@Nullable Long value) {
        return value == null ? 0 : value;
    }
}
