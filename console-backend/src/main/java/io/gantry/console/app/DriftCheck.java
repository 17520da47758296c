package io.gantry.console.app;

import io.gantry.console.engine.EngineClient;
import io.gantry.core.api.types.ContainerConfig;
import io.gantry.core.api.types.ContainerInspect;
import io.gantry.core.api.types.HostConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Compares a service's container on the engine with the settings the application gives it. It looks only at what
 * the console itself sets and an engine reports back the same way (Docker's or Gantry's): name, image, command, the
 * console's variables, published ports, mounts, restart policy, limits and the application's labels. What the
 * engine adds (the image's variables, a host port it picked) is not a difference.
 */
final class DriftCheck {

    private final EngineClient engine;

    DriftCheck(EngineClient engine) {
        this.engine = engine;
    }

    /** Each service's drift, in the application's order. */
    Map<String, ServiceDrift> check(Application app, List<AppService> services,
                                    java.util.function.Function<String, ImageDefaults> images) {
        DeployPlan plan = DeployPlan.of(app, services, images);
        Map<String, ServiceDrift> found = new java.util.LinkedHashMap<>();
        for (AppService s : services) {
            found.put(s.name(), check(s, plan.container(s.name()).orElseThrow()));
        }
        return found;
    }

    ServiceDrift check(AppService service, ContainerSettings planned) {
        Optional<ContainerInspect> recorded = service.container().flatMap(this::inspect);
        if (recorded.isEmpty()) {
            return inspect(planned.name()).<ServiceDrift>map(impostor -> new ServiceDrift.Changed(impostor.id(),
                    List.of("The container named " + planned.name() + " is not the one the console created: it was "
                            + "replaced behind the console's back.")))
                    .orElse(ServiceDrift.MISSING);
        }
        List<String> differences = differences(planned, recorded.get());
        return differences.isEmpty() ? ServiceDrift.IN_SYNC : new ServiceDrift.Changed(recorded.get().id(), differences);
    }

    static List<String> differences(ContainerSettings planned, ContainerInspect actual) {
        List<String> out = new ArrayList<>();
        ContainerConfig config = actual.config();
        HostConfig host = actual.hostConfig();
        String name = actual.name().startsWith("/") ? actual.name().substring(1) : actual.name();
        if (!name.equals(planned.name())) {
            out.add("It was renamed to " + name + " (the application calls it " + planned.name() + ").");
        }
        if (!planned.image().equals(config.image())) {
            out.add("It runs image " + config.image() + " instead of " + planned.image() + ".");
        }
        if (!planned.command().isEmpty() && !planned.command().equals(orEmpty(config.cmd()))) {
            out.add("Its command is " + orEmpty(config.cmd()) + " instead of " + planned.command() + ".");
        }
        List<String> env = orEmpty(config.env());
        List<String> variables = planned.env().stream().filter(e -> !env.contains(e))
                .map(e -> e.substring(0, e.indexOf('='))).toList();
        if (!variables.isEmpty()) {
            out.add("Its variables " + String.join(", ", variables) + " differ from the application's.");
        }
        if (!ports(planned, host)) {
            out.add("Its published ports differ from the application's.");
        }
        List<String> binds = orEmpty(host.binds());
        if (binds.size() != planned.volumes().size() || !planned.volumes().stream()
                .allMatch(v -> binds.stream().anyMatch(b -> b.equals(v.bind()) || b.equals(v.bind() + ":rw")))) {
            out.add("Its volumes " + binds + " differ from the application's.");
        }
        if (!restartName(planned.restart()).equals(restartName(host.restartPolicy()))
                || retries(planned.restart()) != (host.restartPolicy() == null ? 0 : host.restartPolicy().maximumRetryCount())) {
            out.add("Its restart policy differs from the application's.");
        }
        if (zeroIfNull(planned.memoryBytes()) != host.memory() || zeroIfNull(planned.nanoCpus()) != host.nanoCpus()) {
            out.add("Its memory or CPU limit differs from the application's.");
        }
        Map<String, String> labels = config.labels() == null ? Map.of() : config.labels();
        if (planned.labels().entrySet().stream().anyMatch(l -> !l.getValue().equals(labels.get(l.getKey())))) {
            out.add("It does not carry the application's labels.");
        }
        return out;
    }

    /** The same container ports published, and every host port the application names bound as it says. */
    private static boolean ports(ContainerSettings planned, HostConfig host) {
        Map<String, List<HostConfig.PortBinding>> bindings = host.portBindings() == null ? Map.of() : host.portBindings();
        if (!bindings.keySet().equals(new java.util.HashSet<>(planned.ports().stream().map(ServicePort::dockerKey)
                .toList()))) {
            return false;
        }
        return planned.ports().stream().filter(p -> p.hostPort() != null).allMatch(p -> orEmpty(bindings.get(p.dockerKey()))
                .stream().anyMatch(b -> Objects.equals(b.hostPort(), p.hostPort().toString())));
    }

    private static String restartName(@Nullable RestartPolicy policy) {
        return policy == null ? "no" : policy.name();
    }

    private static String restartName(HostConfig.@Nullable RestartPolicy policy) {
        return policy == null || policy.name() == null || policy.name().isEmpty() ? "no" : policy.name();
    }

    private static int retries(@Nullable RestartPolicy policy) {
        return policy == null ? 0 : policy.maximumRetryCount();
    }

    private static long zeroIfNull(@Nullable Long value) {
        return value == null ? 0 : value;
    }

    private static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }

    private Optional<ContainerInspect> inspect(String container) {
        return EngineObjects.container(engine, container);
    }
}
