package io.gantry.core.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

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
        } catch (JacksonException e) {
            throw new ApiException(400, "invalid filter: " + e.getOriginalMessage());
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

    /**
     * {@code label=key} or {@code label=key=value} (all must match) and, where allowed, {@code label!=key[=value]}
     * (none may match), against a map of labels or attributes.
     */
    boolean acceptsLabels(Map<String, String> labels) {
        for (String wanted : get("label")) {
            if (!hasLabel(labels, wanted)) {
                return false;
            }
        }
        for (String unwanted : get("label!")) {
            if (hasLabel(labels, unwanted)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLabel(Map<String, String> labels, String spec) {
        int eq = spec.indexOf('=');
        return eq < 0 ? labels.containsKey(spec) : spec.substring(eq + 1).equals(labels.get(spec.substring(0, eq)));
    }

    /** The {@code until} filter of the prunes: only what was created before it goes. */
    Optional<Instant> until(Instant now) {
        Set<String> values = get("until");
        if (values.size() > 1) {
            throw new ApiException(400, "more than one until filter specified");
        }
        return values.stream().findFirst().map(v -> DockerTime.parse(v, now));
    }

    /** A boolean filter such as {@code dangling}: {@code absent} when not given, else true/1 or false/0. */
    boolean bool(String key, boolean absent) {
        Set<String> values = get(key);
        if (values.isEmpty()) {
            return absent;
        }
        if (values.size() == 1) {
            String v = values.iterator().next().toLowerCase(java.util.Locale.ROOT);
            if (v.equals("true") || v.equals("1")) {
                return true;
            }
            if (v.equals("false") || v.equals("0")) {
                return false;
            }
        }
        throw new ApiException(400, "invalid filter '" + key + "=" + String.join(",", values) + "'");
    }

    /** The values of {@code key} as regular expressions, as Docker reads the id and name filters. */
    List<Pattern> patterns(String key) {
        try {
            return get(key).stream().map(Pattern::compile).toList();
        } catch (PatternSyntaxException e) {
            throw new ApiException(400, "invalid filter '" + key + "': " + e.getDescription());
        }
    }

    /** True when no pattern is given or one of them is found in {@code value}. */
    static boolean finds(List<Pattern> patterns, String value) {
        return patterns.isEmpty() || patterns.stream().anyMatch(p -> p.matcher(value).find());
    }
}
