package io.gantry.console.template;

import io.gantry.console.template.Origin.Format;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Exports templates as Compose files (the Compose specification's format, without {@code version}) that
 * {@code docker compose config} accepts. Template text is escaped for Compose's interpolation ({@code $} becomes
 * {@code $$}) except the placeholders; what Compose has no field for (the template's name, documentation, a service's
 * category) travels under {@code x-gantry}. A file that was read as Compose keeps its own forms and unknown fields.
 */
public final class ComposeWriter {

    private ComposeWriter() {
    }

    public static String write(Template template) {
        return SafeYaml.dump(toYaml(template));
    }

    static Map<String, Object> toYaml(Template t) {
        Map<String, Object> origin = t.origin().fields(Format.COMPOSE);
        Map<String, Object> originServices = YamlValues.mapping(origin.get("services"), "services");
        Map<String, Object> services = new LinkedHashMap<>();
        for (TemplateImage image : t.images()) {
            Object raw = originServices.get(image.name());
            Map<String, Object> serviceOrigin = image.origin().fields(Format.COMPOSE);
            services.put(image.name(), service(image, serviceOrigin.isEmpty() && raw instanceof Map<?, ?>
                    ? YamlValues.mapping(raw, image.name()) : serviceOrigin));
        }
        Map<String, Object> meta = new MappingWriter(YamlValues.mapping(origin.get("x-gantry"), "x-gantry"))
                .put("name", t.name())
                .put("description", text(t.description()))
                .put("keywords", t.keywords().isEmpty() ? null : String.join(", ", t.keywords()),
                        v -> PmxReader.keywords(v))
                .put("type", text(t.type()))
                .put("documentation", text(t.documentation()))
                .put("authors", t.authors().stream().map(ComposeWriter::text).toList())
                .build();
        return new MappingWriter(origin)
                .put("services", services)
                .put("volumes", namedVolumes(t, YamlValues.mapping(origin.get("volumes"), "volumes")))
                .put("x-gantry", meta)
                .build();
    }

    private static Map<String, Object> namedVolumes(Template t, Map<String, Object> declared) {
        Map<String, Object> volumes = new LinkedHashMap<>(declared);
        t.images().stream().flatMap(i -> i.volumes().stream()).filter(VolumeMount::isNamedVolume)
                .forEach(v -> volumes.putIfAbsent(Objects.requireNonNull(v.source()), new LinkedHashMap<>()));
        return volumes;
    }

    private static Map<String, Object> service(TemplateImage i, Map<String, Object> origin) {
        Map<String, Object> deploy = new LinkedHashMap<>(YamlValues.mapping(origin.get("deploy"), "deploy"));
        Map<String, Object> limits = limits(deploy);
        boolean memoryInDeploy = !origin.containsKey("mem_limit") && i.memoryLimit() != null
                && Objects.equals(read(limits.get("memory")), i.memoryLimit());
        boolean cpusInDeploy = !origin.containsKey("cpus") && i.cpus() != null
                && Objects.equals(read(limits.get("cpus")), i.cpus());
        if (!memoryInDeploy) {
            limits.remove("memory");
        }
        if (!cpusInDeploy) {
            limits.remove("cpus");
        }
        boolean scale = origin.containsKey("scale") && !deploy.containsKey("replicas");
        Map<String, Object> writtenDeploy = new MappingWriter(deploy)
                .put("replicas", scale ? null : i.deploymentCount(), composed(v -> YamlValues.integer(v, "replicas")))
                .put("resources", pruned(deploy, limits))
                .build();
        Map<String, Object> meta = new MappingWriter(YamlValues.mapping(origin.get("x-gantry"), "x-gantry"))
                .put("description", text(i.description()))
                .put("category", text(i.category()))
                .put("type", text(i.type()))
                .build();
        return new MappingWriter(origin)
                .put("image", text(i.image()), composed(MappingWriter::plain))
                .put("command", texts(i.command()), composed(v -> PmxReader.command(v, "command")))
                .put("entrypoint", texts(i.entrypoint()), composed(v -> PmxReader.command(v, "entrypoint")))
                .put("ports", i.ports().stream().map(ComposeWriter::port).toList(),
                        composed(v -> ComposeReader.ports(v, "ports")))
                .put("expose", texts(i.expose()), composed(MappingWriter::plain))
                .put("environment", environment(i.environment()), composed(v -> ComposeReader.environment(v, "env")))
                .put("volumes", i.volumes().stream().map(ComposeWriter::volume).toList(),
                        composed(v -> ComposeReader.volumes(v, "volumes")))
                .put("volumes_from", texts(i.volumesFrom()), composed(v -> ComposeReader.volumesFrom(v, "volumes_from")))
                .put("links", i.links().stream().map(l -> Placeholders.toCompose(l.alias().equals(l.service())
                        ? l.service() : l.service() + ":" + l.alias())).toList(), composed(v -> ComposeReader.links(v, "links")))
                .put("depends_on", texts(i.dependsOn()), composed(v -> ComposeReader.dependsOn(v, "depends_on")))
                .put("restart", text(i.restart()), composed(MappingWriter::plain))
                .put("mem_limit", memoryInDeploy ? null : text(i.memoryLimit()), composed(MappingWriter::plain))
                .put("cpus", cpusInDeploy ? null : number(i.cpus()), composed(MappingWriter::plain))
                .put("scale", scale ? i.deploymentCount() : null, composed(MappingWriter::plain))
                .put("deploy", writtenDeploy)
                .put("privileged", i.privileged() ? Boolean.TRUE : null, v -> YamlValues.bool(v, "privileged"))
                .put("cap_add", texts(i.capAdd()), composed(MappingWriter::plain))
                .put("network_mode", text(i.networkMode()), composed(MappingWriter::plain))
                .put("x-gantry", meta)
                .build();
    }

    private static Map<String, Object> limits(Map<String, Object> deploy) {
        Map<String, Object> resources = YamlValues.mapping(deploy.get("resources"), "deploy.resources");
        return new LinkedHashMap<>(YamlValues.mapping(resources.get("limits"), "deploy.resources.limits"));
    }

    private static Map<String, Object> pruned(Map<String, Object> deploy, Map<String, Object> limits) {
        Map<String, Object> resources = new LinkedHashMap<>(YamlValues.mapping(deploy.get("resources"), "resources"));
        if (limits.isEmpty()) {
            resources.remove("limits");
        } else {
            resources.put("limits", limits);
        }
        return resources;
    }

    private static String port(PortMapping p) {
        StringBuilder spec = new StringBuilder();
        if (p.hostInterface() != null) {
            spec.append(p.hostInterface().contains(":") ? "[" + p.hostInterface() + "]" : p.hostInterface()).append(':');
        }
        if (p.hostPort() != null) {
            spec.append(p.hostPort()).append(':');
        } else if (p.hostInterface() != null) {
            spec.append(':');
        }
        spec.append(p.containerPort());
        if (p.protocol() == Protocol.UDP) {
            spec.append("/udp");
        }
        return Placeholders.toCompose(spec.toString());
    }

    private static Map<String, @Nullable Object> environment(List<EnvVar> environment) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        environment.forEach(e -> out.put(e.name(), e.value() == null ? null : text(e.value())));
        return out;
    }

    private static String volume(VolumeMount v) {
        String target = v.source() == null ? v.target() : v.source() + ":" + v.target();
        return Placeholders.toCompose(v.readOnly() ? target + ":ro" : target);
    }

    private static @Nullable Object number(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return text.contains(".") ? (Object) Double.valueOf(text) : (Object) Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return Placeholders.toCompose(text);
        }
    }

    /** Template text as Compose writes it. */
    private static @Nullable String text(@Nullable String text) {
        return text == null ? null : Placeholders.toCompose(text);
    }

    private static List<String> texts(List<String> texts) {
        List<String> out = new ArrayList<>();
        texts.forEach(t -> out.add(Placeholders.toCompose(t)));
        return out;
    }

    private static @Nullable String read(@Nullable Object composeValue) {
        return composeValue == null ? null : Placeholders.fromCompose(composeValue.toString());
    }

    /** A meaning that first reads Compose text as template text, as the reader does. */
    private static <T> Function<@Nullable Object, T> composed(Function<@Nullable Object, T> meaning) {
        return v -> meaning.apply(Placeholders.mapTexts(v, Placeholders::fromCompose));
    }
}
