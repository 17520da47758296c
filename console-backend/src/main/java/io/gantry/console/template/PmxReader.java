package io.gantry.console.template;

import static io.gantry.console.template.YamlValues.bool;
import static io.gantry.console.template.YamlValues.integer;
import static io.gantry.console.template.YamlValues.list;
import static io.gantry.console.template.YamlValues.mapping;
import static io.gantry.console.template.YamlValues.text;
import static io.gantry.console.template.YamlValues.texts;

import io.gantry.console.template.Origin.Format;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads Panamax {@code .pmx} templates as real ones are written: ports as numbers or strings, {@code host_port: null},
 * no {@code proto}, empty lists, {@code type} in any case, variables marked {@code required} without a value,
 * free-text categories and shell-quoted {@code command} strings. Gantry's additions ({@code entrypoint},
 * {@code depends_on}, {@code restart}, {@code mem_limit}, {@code cpus}, {@code privileged}, {@code cap_add},
 * {@code network_mode}, a variable's {@code label}) use Compose's names. Every mapping keeps its {@link Origin}.
 */
public final class PmxReader {

    private PmxReader() {
    }

    /** Reads a {@code .pmx} document; {@code fileName} names it in messages. */
    public static Template read(String yaml, String fileName) {
        Map<String, Object> top = SafeYaml.loadMapping(yaml, fileName);
        String name = text(top.get("name"), fileName + ", name");
        List<TemplateImage> images = new ArrayList<>();
        List<?> items = list(top.get("images"), fileName + ", images");
        for (int i = 0; i < items.size(); i++) {
            images.add(image(mapping(items.get(i), fileName + ", images[" + i + "]"), fileName + ", images[" + i + "]"));
        }
        return new Template(name == null ? "" : name, text(top.get("description"), fileName + ", description"),
                keywords(top.get("keywords")), text(top.get("type"), fileName + ", type"),
                text(top.get("documentation"), fileName + ", documentation"),
                texts(top.get("authors") instanceof String s ? List.of(s) : top.get("authors"), fileName + ", authors"),
                images, Origin.of(Format.PMX, top));
    }

    static List<String> keywords(@Nullable Object value) {
        if (value instanceof List<?>) {
            return texts(value, "keywords");
        }
        String text = text(value, "keywords");
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static TemplateImage image(Map<String, Object> fields, String at) {
        String name = text(fields.get("name"), at + ".name");
        String where = name == null || name.isBlank() ? at : "service " + name;
        String source = text(fields.get("source"), where + ", source");
        Map<String, Object> deployment = mapping(fields.get("deployment"), where + ", deployment");
        return TemplateImage.builder(name == null ? "" : name, source == null ? "" : source)
                .description(text(fields.get("description"), where + ", description"))
                .category(text(fields.get("category"), where + ", category"))
                .type(text(fields.get("type"), where + ", type"))
                .command(command(fields.get("command"), where + ", command"))
                .entrypoint(command(fields.get("entrypoint"), where + ", entrypoint"))
                .ports(ports(fields.get("ports"), where + ", ports"))
                .expose(texts(fields.get("expose"), where + ", expose"))
                .environment(environment(fields.get("environment"), where + ", environment"))
                .volumes(volumes(fields.get("volumes"), where + ", volumes"))
                .volumesFrom(volumesFrom(fields.get("volumes_from"), where + ", volumes_from"))
                .links(links(fields.get("links"), where + ", links"))
                .dependsOn(texts(fields.get("depends_on"), where + ", depends_on"))
                .restart(text(fields.get("restart"), where + ", restart"))
                .memoryLimit(text(fields.get("mem_limit"), where + ", mem_limit"))
                .cpus(text(fields.get("cpus"), where + ", cpus"))
                .deploymentCount(integer(deployment.get("count"), where + ", deployment.count"))
                .privileged(bool(fields.get("privileged"), where + ", privileged"))
                .capAdd(texts(fields.get("cap_add"), where + ", cap_add"))
                .networkMode(text(fields.get("network_mode"), where + ", network_mode"))
                .origin(Origin.of(Format.PMX, fields))
                .build();
    }

    static List<String> command(@Nullable Object value, String where) {
        if (value instanceof List<?>) {
            return texts(value, where);
        }
        String line = text(value, where);
        return line == null ? List.of() : Shell.split(line, where);
    }

    static List<PortMapping> ports(@Nullable Object value, String where) {
        List<PortMapping> out = new ArrayList<>();
        List<?> items = list(value, where);
        for (int i = 0; i < items.size(); i++) {
            String at = where + "[" + i + "]";
            Map<String, Object> port = mapping(items.get(i), at);
            String container = text(port.get("container_port"), at + ".container_port");
            if (container == null || container.isBlank()) {
                throw new TemplateFormatException(at + ": container_port is missing.");
            }
            String proto = text(port.get("proto"), at + ".proto");
            Protocol protocol = proto == null || proto.isBlank() ? Protocol.TCP : Protocol.parse(proto)
                    .orElseThrow(() -> new TemplateFormatException(at + ".proto: '" + proto + "' is neither TCP nor UDP."));
            String host = text(port.get("host_port"), at + ".host_port");
            out.add(new PortMapping(blankToNull(text(port.get("host_interface"), at + ".host_interface")),
                    blankToNull(host), container.trim(), protocol, Origin.of(Format.PMX, port)));
        }
        return out;
    }

    static List<EnvVar> environment(@Nullable Object value, String where) {
        List<EnvVar> out = new ArrayList<>();
        List<?> items = list(value, where);
        for (int i = 0; i < items.size(); i++) {
            String at = where + "[" + i + "]";
            Map<String, Object> env = mapping(items.get(i), at);
            String variable = text(env.get("variable"), at + ".variable");
            if (variable == null || variable.isBlank()) {
                throw new TemplateFormatException(at + ": variable is missing.");
            }
            out.add(new EnvVar(variable, text(env.get("value"), at + ".value"), text(env.get("label"), at + ".label"),
                    text(env.get("description"), at + ".description"), bool(env.get("required"), at + ".required"),
                    Origin.of(Format.PMX, env)));
        }
        return out;
    }

    static List<VolumeMount> volumes(@Nullable Object value, String where) {
        List<VolumeMount> out = new ArrayList<>();
        List<?> items = list(value, where);
        for (int i = 0; i < items.size(); i++) {
            String at = where + "[" + i + "]";
            Map<String, Object> volume = mapping(items.get(i), at);
            String container = text(volume.get("container_path"), at + ".container_path");
            if (container == null || container.isBlank()) {
                throw new TemplateFormatException(at + ": container_path is missing.");
            }
            out.add(new VolumeMount(blankToNull(text(volume.get("host_path"), at + ".host_path")), container,
                    bool(volume.get("read_only"), at + ".read_only"), Origin.of(Format.PMX, volume)));
        }
        return out;
    }

    static List<String> volumesFrom(@Nullable Object value, String where) {
        List<String> out = new ArrayList<>();
        List<?> items = list(value, where);
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            String service = item instanceof Map ? text(mapping(item, where).get("service"), where + "[" + i + "].service")
                    : text(item, where + "[" + i + "]");
            if (service != null) {
                out.add(service);
            }
        }
        return out;
    }

    static List<ServiceLink> links(@Nullable Object value, String where) {
        List<ServiceLink> out = new ArrayList<>();
        List<?> items = list(value, where);
        for (int i = 0; i < items.size(); i++) {
            String at = where + "[" + i + "]";
            Map<String, Object> link = mapping(items.get(i), at);
            String service = text(link.get("service"), at + ".service");
            if (service == null || service.isBlank()) {
                throw new TemplateFormatException(at + ": service is missing.");
            }
            String alias = blankToNull(text(link.get("alias"), at + ".alias"));
            out.add(new ServiceLink(service, alias == null ? service : alias, Origin.of(Format.PMX, link)));
        }
        return out;
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
