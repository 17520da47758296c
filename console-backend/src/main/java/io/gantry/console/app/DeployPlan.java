package io.gantry.console.app;

import io.gantry.console.app.LinkEnvironment.ExposedPort;
import io.gantry.console.template.EnvVar;
import io.gantry.console.template.ServiceLink;
import io.gantry.console.template.VolumeMount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What deploying an application creates on an engine, in order: its network, its named volumes, and one container
 * per service in dependency order, each with exactly the settings the engine gets. Pure: no engine, no Spring.
 *
 * @param network    the application's own network, {@code <slug>_default}
 * @param volumes    the named volumes to create (those of the application, {@code <slug>_<volume>}, and the ones the
 *                   console names for anonymous container paths), each once
 * @param containers one per service, every service after the ones it needs
 */
public record DeployPlan(String network, List<String> volumes, List<ContainerSettings> containers) {

    public DeployPlan {
        volumes = List.copyOf(volumes);
        containers = List.copyOf(containers);
    }

    /** The plan with the template alone (no image defaults). */
    public static DeployPlan of(Application app, List<AppService> services) {
        return of(app, services, ImageDefaults.none());
    }

    /**
     * @param images what each image (by reference) brings itself, as the engine inspects it
     * @throws ApplicationRejectedException for a cycle or a missing service, or an alias that would name two
     *                                      services on the application's network
     */
    public static DeployPlan of(Application app, List<AppService> services, Function<String, ImageDefaults> images) {
        List<AppService> ordered = ServiceOrder.of(services);
        Map<String, Set<String>> aliases = NetworkAliases.of(services);
        Set<String> volumes = new LinkedHashSet<>();
        List<ContainerSettings> containers = new ArrayList<>();
        Map<String, AppService> byName = new LinkedHashMap<>();
        services.forEach(s -> byName.put(s.name(), s));
        for (AppService s : ordered) {
            ContainerSettings c = settings(app, s, byName, aliases, images);
            c.volumes().stream().filter(v -> v.kind() == VolumeBinding.Kind.VOLUME)
                    .forEach(v -> volumes.add(v.source()));
            containers.add(c);
        }
        return new DeployPlan(DockerNames.network(app.slug()), new ArrayList<>(volumes), containers);
    }

    public Optional<ContainerSettings> container(String service) {
        return containers.stream().filter(c -> c.service().equals(service)).findFirst();
    }

    /** The ports a service exposes: its image's, its {@code expose} list and the container ports it publishes. */
    static Set<ExposedPort> exposed(AppService s, ImageDefaults image) {
        Set<ExposedPort> ports = new TreeSet<>(ExposedPort.ORDER);
        image.exposedPorts().forEach(k -> ports.add(ExposedPort.parse(k)));
        s.expose().forEach(p -> ports.add(new ExposedPort(p, "tcp")));
        s.ports().forEach(p -> ports.add(ExposedPort.parse(p.dockerKey())));
        return ports;
    }

    /** A service's variables as its container has them: the image's, overridden by the service's. */
    static List<String> environment(AppService s, ImageDefaults image) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String entry : image.environment()) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                byName.put(entry.substring(0, eq), entry);
            }
        }
        for (EnvVar e : s.environment()) {
            byName.put(e.name(), e.name() + "=" + (e.value() == null ? "" : e.value()));
        }
        return new ArrayList<>(byName.values());
    }

    private static ContainerSettings settings(Application app, AppService s, Map<String, AppService> byName,
                                              Map<String, Set<String>> aliases,
                                              Function<String, ImageDefaults> images) {
        ImageDefaults image = images.apply(s.image());
        String name = DockerNames.container(app.slug(), s.name());
        List<String> linkEnv = new ArrayList<>();
        List<String> linkedEnv = new ArrayList<>();
        for (ServiceLink link : s.links()) {
            AppService target = byName.get(link.service());
            ImageDefaults targetImage = images.apply(target.image());
            linkEnv.addAll(LinkEnvironment.addressVariables(name, link.alias(), exposed(target, targetImage)));
            linkedEnv.addAll(LinkEnvironment.copiedVariables(link.alias(), environment(target, targetImage)));
        }
        boolean onAppNetwork = s.networkMode() == null;
        List<String> own = s.environment().stream().map(e -> e.name() + "=" + (e.value() == null ? "" : e.value()))
                .toList();
        return new ContainerSettings(s.name(), name, s.image(), s.command(), s.entrypoint(), own, linkEnv, linkedEnv,
                exposed(s, image).stream().map(ExposedPort::key).toList(), s.ports(), volumes(app, s, image),
                s.volumesFrom().stream().map(v -> DockerNames.container(app.slug(), v)).toList(),
                onAppNetwork ? DockerNames.network(app.slug()) : s.networkMode(),
                onAppNetwork ? List.copyOf(aliases.get(s.name())) : List.of(), s.restart(),
                s.limits().memoryBytes(), s.limits().nanoCpus(), s.privileged(), s.capAdd(),
                Map.of(ContainerSettings.APP_LABEL, Long.toString(app.id()), ContainerSettings.SERVICE_LABEL, s.name()));
    }

    /**
     * The service's mounts: host paths as they are, named volumes with the application's prefix, and every container
     * path left anonymous (by the template or by the image's VOLUME) as a volume the console names after the
     * service and path, so that recreating the service keeps its data.
     */
    private static List<VolumeBinding> volumes(Application app, AppService s, ImageDefaults image) {
        Map<String, VolumeBinding> byTarget = new LinkedHashMap<>();
        for (String path : image.volumes()) {
            byTarget.put(path, new VolumeBinding(VolumeBinding.Kind.VOLUME,
                    DockerNames.pathVolume(app.slug(), s.name(), path), path, false));
        }
        for (VolumeMount v : s.volumes()) {
            VolumeBinding b;
            if (v.isHostPath()) {
                b = new VolumeBinding(VolumeBinding.Kind.BIND, v.source(), v.target(), v.readOnly());
            } else if (v.isNamedVolume()) {
                b = new VolumeBinding(VolumeBinding.Kind.VOLUME, DockerNames.volume(app.slug(), v.source()),
                        v.target(), v.readOnly());
            } else {
                b = new VolumeBinding(VolumeBinding.Kind.VOLUME, DockerNames.pathVolume(app.slug(), s.name(),
                        v.target()), v.target(), v.readOnly());
            }
            byTarget.remove(v.target());
            byTarget.put(v.target(), b);
        }
        return new ArrayList<>(byTarget.values());
    }
}
