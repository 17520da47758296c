package io.gantry.console.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reading fields out of parsed YAML with messages that say where: "service web, ports[1].container_port: …". */
final class YamlValues {

    private YamlValues() {
    }

    static String kind(Object value) {
        if (value instanceof Map) {
            return "mapping";
        }
        if (value instanceof List) {
            return "list";
        }
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof Boolean) {
            return "true/false value";
        }
        return "text";
    }

    static TemplateFormatException wrong(String where, String expected, Object found) {
        return new TemplateFormatException(where + ": expected " + expected + ", found a " + kind(found)
                + (found instanceof Map || found instanceof List ? "" : " (" + abbreviate(found.toString()) + ")")
                + ".");
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /** A scalar as text (numbers and booleans as written), or null when absent or null. */
    static @Nullable String text(@Nullable Object value, String where) {
        if (value == null) {
            return null;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw wrong(where, "text", value);
    }

    static boolean bool(@Nullable Object value, String where) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = text(value, where);
        if ("true".equalsIgnoreCase(text) || "yes".equalsIgnoreCase(text)) {
            return true;
        }
        if ("false".equalsIgnoreCase(text) || "no".equalsIgnoreCase(text) || "".equals(text)) {
            return false;
        }
        throw wrong(where, "true or false", value);
    }

    static @Nullable Integer integer(@Nullable Object value, String where) {
        String text = text(value, where);
        if (text == null || text.isBlank()) {
            return null;
        }
        return PortMapping.number(text).orElseThrow(() -> wrong(where, "a whole number", value));
    }

    /** A list; null reads as empty, and so does a single value where a list is expected (a common slip). */
    static List<?> list(@Nullable Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        throw wrong(where, "a list", value);
    }

    static Map<String, Object> mapping(@Nullable Object value, String where) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                if (!(key instanceof String)) {
                    throw new TemplateFormatException(where + ": field name " + key + " is not text.");
                }
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) map;
            return fields;
        }
        throw wrong(where, "a mapping", value);
    }

    /** A list of scalars as text. */
    static List<String> texts(@Nullable Object value, String where) {
        List<String> out = new ArrayList<>();
        List<?> items = list(value, where);
        for (int i = 0; i < items.size(); i++) {
            String item = text(items.get(i), where + "[" + i + "]");
            if (item != null) {
                out.add(item);
            }
        }
        return out;
    }
}
