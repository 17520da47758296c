package io.gantry.console.template;

import static io.gantry.console.template.YamlValues.bool;
import static io.gantry.console.template.YamlValues.integer;
import static io.gantry.console.template.YamlValues.list;
import static io.gantry.console.template.YamlValues.mapping;
import static io.gantry.console.template.YamlValues.text;
import static io.gantry.console.template.YamlValues.texts;

import io.gantry.console.template.Origin.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Imports Compose files: services with image, command and entrypoint (string or list), ports and volumes in short
 * and long form, named volumes, environment as list or map, depends_on as list or map, links, restart, mem_limit,
 * cpus, deploy (replicas and resource limits), privileged, cap_add and network_mode. {@code env_file} and
 * {@code build} are refused, because a template must be complete in itself; networks other than the default are
 * reported in {@link ComposeImport#warnings()} because Gantry puts an application's services on one network.
 */
public final class ComposeReader {

    /** The result of an import: the template and what of the file it does not carry out. */
    public record ComposeImport(Template template, List<String> warnings) {
        public ComposeImport {
            warnings = List.copyOf(warnings);
        }
    }

    /** Service fields that Gantry reads; others are kept for a Compose round trip and reported. */
    static final Set<String> KNOWN = Set.of("image", "command", "entrypoint", "ports", "expose", "environment",
            "volumes", "volumes_from", "depends_on", "links", "restart", "mem_limit", "cpus", "deploy", "scale",
            "privileged", "cap_add", "network_mode", "networks", "container_name", "x-gantry");

    private ComposeReader() {
    }

    /** Reads a Compose document; the template is named after {@code x-gantry.name}, or else {@code defaultName}. */
    public static ComposeImport read(String yaml, String fileName, String defaultName) {
        Map<String, Object> raw = SafeYaml.loadMapping(yaml, fileName);
        Map<String, Object> top = mapping(Placeholders.mapTexts(raw, Placeholders::fromCompose), fileName);
        List<String> warnings = new ArrayList<>();
        Map<String, Object> services = mapping(top.get("services"), fileName + ", services");
        if (services.isEmpty()) {
            throw new TemplateFormatException(fileName + ": has no services; is it a Compose file?");
        }
        Map<String, Object> networks = mapping(top.get("networks"), fileName + ", networks");
        networks.keySet().stream().filter(n -> !n.equals("default")).forEach(n -> warnings.add(
                "Network " + n + " is not supported: every service joins the application's own network."));
        List<TemplateImage> images = new ArrayList<>();
        Map<String, Object> rawServices = mapping(raw.get("services"), fileName);
        for (Map.Entry<String, Object> entry : services.entrySet()) {
            String where = "service " + entry.getKey();
            images.add(service(entry.getKey(), mapping(entry.getValue(), where),
                    mapping(rawServices.get(entry.getKey()), where), warnings));
        }
        Map<String, Object> meta = mapping(top.get("x-gantry"), fileName + ", x-gantry");
        String name = text(meta.get("name"), fileName + ", x-gantry.name");
        Template template = new Template(name == null ? defaultName : name,
                text(meta.get("description"), "x-gantry.description"), PmxReader.keywords(meta.get("keywords")),
                text(meta.get("type"), "x-gantry.type"), text(meta.get("documentation"), "x-gantry.documentation"),
                texts(meta.get("authors"), "x-gantry.authors"), images, Origin.of(Format.COMPOSE, raw));
        return new ComposeImport(template, warnings);
    }

    private static TemplateImage service(String name, Map<String, Object> fields, Map<String, Object> raw,
                                         List<String> warnings) {
        String where = "service " + name;
        if (fields.containsKey("env_file")) {
            throw new TemplateFormatException(where + ", env_file: variables from other files cannot travel with a "
                    + "template; write them under environment instead.");
        }
        if (fields.containsKey("build")) {
            throw new TemplateFormatException(where + ", build: a template runs published images; build the image "
                    + "and give it under image instead.");
        }
        String image = text(fields.get("image"), where + ", image");
        for (String key : fields.keySet()) {
            if (!KNOWN.contains(key) && !key.startsWith("x-")) {
                warnings.add("Service " + name + ": " + key + " is not supported and is ignored when it runs.");
            }
        }
        networks(fields.get("networks"), where).forEach(n -> warnings.add("Service " + name + ": network " + n
                + " is not supported: the service joins the application's own network."));
        Map<String, Object> meta = mapping(fields.get("x-gantry"), where + ", x-gantry");
        Map<String, Object> deploy = mapping(fields.get("deploy"), where + ", deploy");
        Map<String, Object> limits = mapping(mapping(deploy.get("resources"), where + ", deploy.resources")
                .get("limits"), where + ", deploy.resources.limits");
        Integer replicas = integer(deploy.containsKey("replicas") ? deploy.get("replicas") : fields.get("scale"),
                where + ", deploy.replicas");
        return TemplateImage.builder(name, image == null ? "" : image)
                .description(text(meta.get("description"), where + ", x-gantry.description"))
                .category(text(meta.get("category"), where + ", x-gantry.category"))
                .type(text(meta.get("type"), where + ", x-gantry.type"))
                .command(PmxReader.command(fields.get("command"), where + ", command"))
                .entrypoint(PmxReader.command(fields.get("entrypoint"), where + ", entrypoint"))
                .ports(ports(fields.get("ports"), where + ", ports"))
                .expose(texts(fields.get("expose"), where + ", expose"))
                .environment(environment(fields.get("environment"), where + ", environment"))
                .volumes(volumes(fields.get("volumes"), where + ", volumes"))
                .volumesFrom(volumesFrom(fields.get("volumes_from"), where + ", volumes_from"))
                .links(links(fields.get("links"), where + ", links"))
                .dependsOn(dependsOn(fields.get("depends_on"), where + ", depends_on"))
                .restart(text(fields.get("restart"), where + ", restart"))
                .memoryLimit(first(text(fields.get("mem_limit"), where + ", mem_limit"),
                        text(limits.get("memory"), where + ", deploy.resources.limits.memory")))
                .cpus(first(text(fields.get("cpus"), where + ", cpus"),
                        text(limits.get("cpus"), where + ", deploy.resources.limits.cpus")))
                .deploymentCount(replicas)
                .privileged(bool(fields.get("privileged"), where + ", privileged"))
                .capAdd(texts(fields.get("cap_add"), where + ", cap_add"))
                .networkMode(text(fields.get("network_mode"), where + ", network_mode"))
                .origin(Origin.of(Format.COMPOSE, raw))
                .build();
    }

    private static @Nullable String first(@Nullable String a, @Nullable String b) {
        return a != null ? a : b;
    }

    static List<String> networks(@Nullable Object value, String where) {
        List<String> names = value instanceof Map ? new ArrayList<>(mapping(value, where).keySet()) : texts(value, where);
        return names.stream().filter(n -> !n.equals("default")).toList();
    }

    static List<PortMapping> ports(@Nullable Object value, String where) {
        List<PortMapping> out = new ArrayList<>();
        List<?> items = list(value, where);
        for (int i = 0; i < items.size(); i++) {
            String at = where + "[" + i + "]";
            Object item = items.get(i);
            out.add(item instanceof Map ? longPort(mapping(item, at), at) : shortPort(text(item, at), at));
        }
        return out;
    }

    private static PortMapping longPort(Map<String, Object> port, String at) {
        String target = text(port.get("target"), at + ".target");
        if (target == null) {
            throw new TemplateFormatException(at + ": target (the container port) is missing.");
        }
        String proto = text(port.get("protocol"), at + ".protocol");
        return new PortMapping(text(port.get("host_ip"), at + ".host_ip"), text(port.get("published"), at + ".published"),
                target, protocol(proto, at), Origin.none());
    }

    /** {@code [[HOST_IP:]HOST_PORT:]CONTAINER_PORT[/PROTO]}, with an IPv6 host address in brackets. */
    private static PortMapping shortPort(@Nullable String spec, String at) {
        if (spec == null || spec.isBlank()) {
            throw new TemplateFormatException(at + ": empty port.");
        }
        String rest = spec.trim();
        String proto = null;
        int slash = rest.lastIndexOf('/');
        if (slash >= 0) {
            proto = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
        }
        String hostIp = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf("]:");
            if (close < 0) {
                throw new TemplateFormatException(at + ": '" + spec + "' is not a port mapping.");
            }
            hostIp = rest.substring(1, close);
            rest = rest.substring(close + 2);
        }
        List<String> parts = splitOutsideBraces(rest);
        if (parts.size() > 3 || parts.stream().anyMatch(String::isEmpty) && parts.size() != 3) {
            throw new TemplateFormatException(at + ": '" + spec + "' is not a port mapping.");
        }
        if (parts.size() == 3) {
            hostIp = parts.get(0).isEmpty() ? null : parts.get(0);
        }
        String container = parts.get(parts.size() - 1);
        String host = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        if (container.contains("-") && !container.contains("$") || host != null && host.contains("-") && !host.contains("$")) {
            throw new TemplateFormatException(at + ": the port range '" + spec + "' is not supported; list each port.");
        }
        return new PortMapping(hostIp, host == null || host.isEmpty() ? null : host, container, protocol(proto, at),
                Origin.none());
    }

    /** Splits at colons that are not inside a {@code ${...}} placeholder (whose default may contain one). */
    private static List<String> splitOutsideBraces(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ':' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static Protocol protocol(@Nullable String proto, String at) {
        if (proto == null || proto.isBlank()) {
            return Protocol.TCP;
        }
        return Protocol.parse(proto).orElseThrow(() ->
                new TemplateFormatException(at + ": protocol '" + proto + "' is neither tcp nor udp."));
    }

    static List<EnvVar> environment(@Nullable Object value, String where) {
        List<EnvVar> out = new ArrayList<>();
        if (value instanceof Map) {
            mapping(value, where).forEach((k, v) -> out.add(EnvVar.of(k, text(v, where + "." + k))));
            return out;
        }
        for (String item : texts(value, where)) {
            int eq = item.indexOf('=');
            out.add(eq < 0 ? EnvVar.of(item, null) : EnvVar.of(item.substring(0, eq), item.substring(eq + 1)));
        }
        return out;
    }

    static List<VolumeMount> volumes(@Nullable Object value, String where) {
        List<VolumeMount> out = new ArrayList<>();
        List<?> items = list(value, where);
        for (int i = 0; i < items.size(); i++) {
            String at = where + "[" + i + "]";
            Object item = items.get(i);
            if (item instanceof Map) {
                Map<String, Object> v = mapping(item, at);
                String type = text(v.get("type"), at + ".type");
                if (type != null && !type.equals("bind") && !type.equals("volume")) {
                    throw new TemplateFormatException(at + ".type: '" + type + "' volumes are not supported; use "
                            + "bind or volume.");
                }
                String target = text(v.get("target"), at + ".target");
                if (target == null) {
                    throw new TemplateFormatException(at + ": target is missing.");
                }
                out.add(new VolumeMount(text(v.get("source"), at + ".source"), target,
                        bool(v.get("read_only"), at + ".read_only"), Origin.none()));
            } else {
                out.add(shortVolume(text(item, at), at));
            }
        }
        return out;
    }

    private static VolumeMount shortVolume(@Nullable String spec, String at) {
        if (spec == null || spec.isBlank()) {
            throw new TemplateFormatException(at + ": empty volume.");
        }
        List<String> parts = splitOutsideBraces(spec);
        if (parts.size() == 1) {
            return VolumeMount.of(null, parts.get(0));
        }
        if (parts.size() > 3) {
            throw new TemplateFormatException(at + ": '" + spec + "' is not SOURCE:TARGET[:MODE].");
        }
        boolean readOnly = parts.size() == 3 && List.of(parts.get(2).split(",")).contains("ro");
        return new VolumeMount(parts.get(0), parts.get(1), readOnly, Origin.none());
    }

    static List<String> volumesFrom(@Nullable Object value, String where) {
        return texts(value, where).stream().map(s -> s.endsWith(":ro") || s.endsWith(":rw")
                ? s.substring(0, s.length() - 3) : s).toList();
    }

    static List<ServiceLink> links(@Nullable Object value, String where) {
        return texts(value, where).stream().map(s -> {
            int colon = s.indexOf(':');
            return colon < 0 ? ServiceLink.of(s, s) : ServiceLink.of(s.substring(0, colon), s.substring(colon + 1));
        }).toList();
    }

    static List<String> dependsOn(@Nullable Object value, String where) {
        return value instanceof Map ? List.copyOf(mapping(value, where).keySet()) : texts(value, where);
    }
}
