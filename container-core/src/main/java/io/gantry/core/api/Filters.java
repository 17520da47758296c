package io.gantry.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Docker's {@code filters} query parameter: JSON mapping each key to the accepted values, written either as
 * {@code {"type":{"container":true}}} or, by older clients, as {@code {"type":["container"]}}. An item passes when,
 * for every key, at least one of its values matches.
 */
record Filters(Map<String, Set<String>> values) {

    static final Filters NONE = new Filters(Map.of());

    static Filters parse(HttpRequest request, ObjectMapper json, Set<String> allowed) {
        String raw = request.query("filters").orElse("");
        if (raw.isBlank()) {
            return NONE;
        }
        JsonNode root;
        try {
            root = json.readTree(raw);
        } catch (IOException e) {
            throw new ApiException(400, "invalid filter: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ApiException(400, "invalid filter: filters must be a JSON object");
        }
        Map<String, Set<String>> values = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!allowed.contains(field.getKey())) {
                throw new ApiException(400, "invalid filter '" + field.getKey() + "'");
            }
            Set<String> accepted = new HashSet<>();
            if (field.getValue().isArray()) {
                field.getValue().forEach(v -> accepted.add(v.asText()));
            } else {
                field.getValue().fields().forEachRemaining(v -> {
                    if (v.getValue().asBoolean()) {
                        accepted.add(v.getKey());
                    }
                });
            }
            values.put(field.getKey(), accepted);
        }
        return new Filters(Map.copyOf(values));
    }

    Set<String> get(String key) {
        return values.getOrDefault(key, Set.of());
    }

    /** True when {@code key} is not filtered on, or when one of {@code candidates} is accepted. */
    boolean accepts(String key, String... candidates) {
        Set<String> accepted = values.get(key);
        if (accepted == null || accepted.isEmpty()) {
            return true;
        }
        for (String candidate : candidates) {
            if (accepted.contains(candidate)) {
                return true;
            }
        }
        return false;
    }

    /** {@code label=key} or {@code label=key=value} against a map of labels or attributes. */
    boolean acceptsLabels(Map<String, String> labels) {
        for (String wanted : get("label")) {
            int eq = wanted.indexOf('=');
            boolean match = eq < 0 ? labels.containsKey(wanted)
                    : wanted.substring(eq + 1).equals(labels.get(wanted.substring(0, eq)));
            if (!match) {
                return false;
            }
        }
        return true;
    }
}
