package io.gantry.console.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The shape of a JSON answer with its values masked: every key path ({@code State.Status}, {@code Mounts[].Type}),
 * where the keys of maps whose keys are data ({@code Labels}, {@code NetworkSettings.Networks}, {@code Ports} by
 * port, network {@code Containers} by ID…) become {@code *}. Two engines answer alike when their shapes are equal.
 */
final class JsonShape {

    /** Objects whose keys are names, IDs or ports chosen by users, not field names of the API. */
    private static final Set<String> MAPS = Set.of("Labels", "Options", "Networks", "Ports", "ExposedPorts", "Volumes",
            "Containers", "IndexConfigs", "DriverOpts", "networks", "stats", "Data", "Tmpfs", "Sysctls", "StorageOpt",
            "Runtimes", "Attributes");
    /** Keys that are data wherever they appear: paths, ports, addresses, long hex IDs. */
    private static final Pattern DATA_KEY = Pattern.compile(".*[/:.].*|[0-9a-f]{12,64}");

    private JsonShape() {
    }

    static Set<String> of(JsonNode node) {
        Set<String> paths = new TreeSet<>();
        walk(node, "", null, paths);
        return paths;
    }

    private static void walk(JsonNode node, String prefix, String parentKey, Set<String> paths) {
        if (node.isObject()) {
            boolean map = parentKey != null && MAPS.contains(parentKey) || prefix.endsWith("LogConfig.Config");
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String key = map || DATA_KEY.matcher(field.getKey()).matches() ? "*" : field.getKey();
                String path = prefix.isEmpty() ? key : prefix + "." + key;
                paths.add(path);
                walk(field.getValue(), path, field.getKey(), paths);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                walk(item, prefix + "[]", null, paths);
            }
        }
    }
}
