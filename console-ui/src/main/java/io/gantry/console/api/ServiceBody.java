package io.gantry.console.api;

import io.gantry.console.app.AppService;
import io.gantry.console.app.Limits;
import io.gantry.console.app.RestartPolicy;
import io.gantry.console.app.ServicePort;
import io.gantry.console.template.EnvVar;
import io.gantry.console.template.Origin;
import io.gantry.console.template.Protocol;
import io.gantry.console.template.ServiceLink;
import io.gantry.console.template.VolumeMount;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A service's settings on the wire: what {@code POST …/services} adds and what {@code PATCH …/services/{name}}
 * changes field by field. Lists are replaced as a whole.
 *
 * @param ports       {@code {"hostIp": "127.0.0.1", "hostPort": 8080, "containerPort": 80, "protocol": "tcp"}};
 *                    without {@code hostPort} the engine picks one
 * @param volumes     {@code {"source": "data", "target": "/data"}}: a named volume of the application, a host path
 *                    ({@code /srv/x}), or no source for a volume the console names after the path
 * @param restart     {@code no}, {@code always}, {@code unless-stopped}, {@code on-failure[:N]}, or null
 * @param memory      e.g. {@code 512m}, or null
 * @param cpus        e.g. {@code 0.5}, or null
 */
record ServiceBody(@Nullable String name, @Nullable String image, @Nullable List<String> command,
                   @Nullable List<String> entrypoint, @Nullable List<Port> ports, @Nullable List<Integer> expose,
                   @Nullable List<Env> environment, @Nullable List<Volume> volumes, @Nullable List<Link> links,
                   @Nullable List<String> dependsOn, @Nullable String restart, @Nullable String memory,
                   @Nullable String cpus, @Nullable String category, @Nullable String description,
                   boolean privileged, @Nullable List<String> capAdd, @Nullable String networkMode) {

    record Port(@Nullable String hostIp, @Nullable Integer hostPort, int containerPort, @Nullable String protocol) {
    }

    record Env(String name, @Nullable String value) {
    }

    record Volume(@Nullable String source, String target, boolean readOnly) {
    }

    record Link(String service, String alias) {
    }

    static ServiceBody of(AppService s) {
        return new ServiceBody(s.name(), s.image(), s.command(), s.entrypoint(),
                s.ports().stream().map(p -> new Port(p.hostIp(), p.hostPort(), p.containerPort(),
                        p.protocol().name().toLowerCase(Locale.ROOT))).toList(),
                s.expose(), s.environment().stream().map(e -> new Env(e.name(), e.value())).toList(),
                s.volumes().stream().map(v -> new Volume(v.source(), v.target(), v.readOnly())).toList(),
                s.links().stream().map(l -> new Link(l.service(), l.alias())).toList(), s.dependsOn(),
                s.restart() == null ? null : s.restart().toString(), s.limits().memory(), s.limits().cpus(),
                s.category(), s.description(), s.privileged(), s.capAdd(), s.networkMode());
    }

    /**
     * The service these settings describe.
     *
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    AppService toService() {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A service needs a name.");
        }
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("Service '" + name + "' needs an image.");
        }
        return AppService.builder(name.strip(), image.strip())
                .command(orEmpty(command)).entrypoint(orEmpty(entrypoint))
                .ports(orEmpty(ports).stream().map(p -> new ServicePort(p.hostIp(), p.hostPort(), p.containerPort(),
                        protocol(p.protocol()))).toList())
                .expose(orEmpty(expose))
                .environment(orEmpty(environment).stream().map(e -> EnvVar.of(e.name(),
                        e.value() == null ? "" : e.value())).toList())
                .volumes(orEmpty(volumes).stream().map(v -> new VolumeMount(v.source(), v.target(), v.readOnly(),
                        Origin.none())).toList())
                .links(orEmpty(links).stream().map(l -> ServiceLink.of(l.service(), l.alias())).toList())
                .dependsOn(orEmpty(dependsOn))
                .restart(restart == null || restart.isBlank() ? null : RestartPolicy.parse(restart))
                .limits(new Limits(memory, cpus))
                .category(category).description(description).privileged(privileged).capAdd(orEmpty(capAdd))
                .networkMode(networkMode == null || networkMode.isBlank() ? null : networkMode)
                .build();
    }

    private static Protocol protocol(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Protocol.TCP;
        }
        try {
            return Protocol.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A port's protocol is tcp or udp, not " + text + ".");
        }
    }

    private static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }
}
