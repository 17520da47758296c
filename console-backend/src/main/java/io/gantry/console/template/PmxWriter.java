package io.gantry.console.template;

import io.gantry.console.template.Origin.Format;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes templates as Panamax {@code .pmx}. Starting from each object's {@link Origin}, a template read and written
 * unchanged keeps its fields, unknown fields, order and forms; new objects are written the way Panamax writes them
 * (empty fields left out).
 */
public final class PmxWriter {

    private PmxWriter() {
    }

    public static String write(Template template) {
        return SafeYaml.dump(toYaml(template));
    }

    static Map<String, Object> toYaml(Template t) {
        Map<String, Object> origin = t.origin().fields(Format.PMX);
        return new MappingWriter(origin)
                .put("name", t.name())
                .put("description", t.description())
                .put("keywords", t.keywords().isEmpty() ? null : String.join(", ", t.keywords()), PmxReader::keywords)
                .put("type", t.type())
                .put("documentation", t.documentation())
                .put("authors", t.authors(), v -> MappingWriter.plain(v instanceof String s ? List.of(s) : v))
                .put("images", t.images().stream().map(PmxWriter::image).toList())
                .build();
    }

    private static Map<String, Object> image(TemplateImage i) {
        Map<String, Object> origin = i.origin().fields(Format.PMX);
        Map<String, Object> deployment = new LinkedHashMap<>(mapping(origin.get("deployment")));
        Map<String, Object> writtenDeployment = new MappingWriter(deployment)
                .put("count", i.deploymentCount()).build();
        return new MappingWriter(origin)
                .put("name", i.name())
                .put("source", i.image())
                .put("description", i.description())
                .put("category", i.category())
                .put("type", i.type())
                .put("command", i.command().isEmpty() ? null : Shell.join(i.command()),
                        v -> PmxReader.command(v, "command"))
                .put("entrypoint", i.entrypoint().isEmpty() ? null : Shell.join(i.entrypoint()),
                        v -> PmxReader.command(v, "entrypoint"))
                .put("ports", i.ports().stream().map(PmxWriter::port).toList())
                .put("expose", i.expose().stream().map(PmxWriter::number).toList())
                .put("environment", i.environment().stream().map(PmxWriter::env).toList())
                .put("volumes", i.volumes().stream().map(PmxWriter::volume).toList())
                .put("volumes_from", i.volumesFrom().stream().map(s -> Map.of("service", s)).toList(),
                        v -> PmxReader.volumesFrom(v, "volumes_from"))
                .put("links", i.links().stream().map(PmxWriter::link).toList())
                .put("depends_on", i.dependsOn())
                .put("restart", i.restart())
                .put("mem_limit", i.memoryLimit())
                .put("cpus", i.cpus())
                .put("privileged", i.privileged() ? Boolean.TRUE : null, v -> YamlValues.bool(v, "privileged"))
                .put("cap_add", i.capAdd())
                .put("network_mode", i.networkMode())
                .put("deployment", writtenDeployment)
                .build();
    }

    private static Map<String, Object> port(PortMapping p) {
        return new MappingWriter(p.origin().fields(Format.PMX))
                .put("host_interface", p.hostInterface())
                .put("host_port", number(p.hostPort()))
                .put("container_port", number(p.containerPort()))
                .put("proto", p.protocol().name(),
                        v -> v == null || v.toString().isBlank() ? Protocol.TCP : Protocol.parse(v.toString()).orElse(null))
                .build();
    }

    private static Map<String, Object> env(EnvVar e) {
        return new MappingWriter(e.origin().fields(Format.PMX))
                .put("variable", e.name())
                .put("value", e.value(), v -> v == null ? "" : v.toString())
                .put("label", e.label())
                .put("description", e.description())
                .put("required", e.required() ? Boolean.TRUE : null, v -> YamlValues.bool(v, "required"))
                .build();
    }

    private static Map<String, Object> volume(VolumeMount v) {
        return new MappingWriter(v.origin().fields(Format.PMX))
                .put("host_path", v.source())
                .put("container_path", v.target())
                .put("read_only", v.readOnly() ? Boolean.TRUE : null, x -> YamlValues.bool(x, "read_only"))
                .build();
    }

    private static Map<String, Object> link(ServiceLink l) {
        return new MappingWriter(l.origin().fields(Format.PMX))
                .put("service", l.service())
                .put("alias", l.alias(), v -> v == null || v.toString().isBlank() ? l.service() : v.toString())
                .build();
    }

    /** A port or count written as a number when it is one, so new files look like Panamax's. */
    private static @Nullable Object number(@Nullable String text) {
        return text == null ? null : PortMapping.number(text).<Object>map(n -> n).orElse(text);
    }

    private static Map<String, Object> mapping(@Nullable Object value) {
        return value instanceof Map<?, ?> ? YamlValues.mapping(value, "deployment") : Map.of();
    }
}
