package io.gantry.console.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.console.template.EnvVar;
import io.gantry.console.template.Origin;
import io.gantry.console.template.Protocol;
import io.gantry.console.template.ServiceLink;
import io.gantry.console.template.VolumeMount;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The stored form of a service's settings (the {@code app_services.settings} column): a wire record of its own, so
 * the domain records can change without breaking what is stored. The container id has its own column.
 */
record ServiceJson(String name, String image, List<String> command, List<String> entrypoint, List<Port> ports,
                   List<Integer> expose, List<Env> environment, List<Volume> volumes, List<String> volumesFrom,
                   List<Link> links, List<String> dependsOn, @Nullable String restart, @Nullable String memory,
                   @Nullable String cpus, @Nullable String category, @Nullable String description,
                   @Nullable String type, boolean privileged, List<String> capAdd, @Nullable String networkMode) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    record Port(@Nullable String hostIp, @Nullable Integer hostPort, int containerPort, String protocol) {
    }

    record Env(String name, @Nullable String value, @Nullable String label, @Nullable String description,
               boolean required) {
    }

    record Volume(@Nullable String source, String target, boolean readOnly) {
    }

    record Link(String service, String alias) {
    }

    static String write(AppService s) {
        ServiceJson json = new ServiceJson(s.name(), s.image(), s.command(), s.entrypoint(),
                s.ports().stream().map(p -> new Port(p.hostIp(), p.hostPort(), p.containerPort(), p.protocol().name()))
                        .toList(),
                s.expose(),
                s.environment().stream().map(e -> new Env(e.name(), e.value(), e.label(), e.description(),
                        e.required())).toList(),
                s.volumes().stream().map(v -> new Volume(v.source(), v.target(), v.readOnly())).toList(),
                s.volumesFrom(), s.links().stream().map(l -> new Link(l.service(), l.alias())).toList(),
                s.dependsOn(), s.restart() == null ? null : s.restart().toString(), s.limits().memory(),
                s.limits().cpus(), s.category(), s.description(), s.type(), s.privileged(), s.capAdd(),
                s.networkMode());
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write service " + s.name() + " as JSON: " + e.getMessage(), e);
        }
    }

    static AppService read(String text, @Nullable String containerId) {
        ServiceJson j;
        try {
            j = JSON.readValue(text, ServiceJson.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored service does not read as JSON: " + e.getOriginalMessage(), e);
        }
        return AppService.builder(j.name(), j.image())
                .command(orEmpty(j.command())).entrypoint(orEmpty(j.entrypoint()))
                .ports(orEmpty(j.ports()).stream().map(p -> new ServicePort(p.hostIp(), p.hostPort(),
                        p.containerPort(), Protocol.valueOf(p.protocol()))).toList())
                .expose(orEmpty(j.expose()))
                .environment(orEmpty(j.environment()).stream().map(e -> new EnvVar(e.name(), e.value(), e.label(),
                        e.description(), e.required(), Origin.none())).toList())
                .volumes(orEmpty(j.volumes()).stream().map(v -> new VolumeMount(v.source(), v.target(), v.readOnly(),
                        Origin.none())).toList())
                .volumesFrom(orEmpty(j.volumesFrom()))
                .links(orEmpty(j.links()).stream().map(l -> ServiceLink.of(l.service(), l.alias())).toList())
                .dependsOn(orEmpty(j.dependsOn()))
                .restart(j.restart() == null ? null : RestartPolicy.parse(j.restart()))
                .limits(new Limits(j.memory(), j.cpus()))
                .category(j.category()).description(j.description()).type(j.type())
                .privileged(j.privileged()).capAdd(orEmpty(j.capAdd())).networkMode(j.networkMode())
                .containerId(containerId)
                .build();
    }

    private static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }
}
