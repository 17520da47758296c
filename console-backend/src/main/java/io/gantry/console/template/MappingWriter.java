package io.gantry.console.template;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Writes one YAML mapping starting from the mapping it was read from (its {@link Origin}), so that what the user wrote
 * survives: a field whose written value still means what the model holds keeps its written form, a field the model
 * changed is written anew, a field that now means "absent" is dropped, and fields the model does not know stay as
 * they were, in their place.
 */
final class MappingWriter {

    private static final Object OMIT = new Object();

    private final Map<String, Object> origin;
    private final Map<String, Object> decided = new LinkedHashMap<>();

    MappingWriter(Map<String, Object> origin) {
        this.origin = origin;
    }

    /**
     * Puts a field. {@code meaning} reads a written value the way the reader does (it must accept null); two values
     * with equal meanings are the same to the user.
     */
    <T> MappingWriter put(String key, @Nullable Object canonical, Function<@Nullable Object, T> meaning) {
        T wanted = meaning.apply(canonical);
        if (origin.containsKey(key) && Objects.equals(meaning.apply(origin.get(key)), wanted)) {
            decided.put(key, origin.get(key));
        } else if (Objects.equals(wanted, meaning.apply(null)) || isEmpty(canonical)) {
            decided.put(key, OMIT);
        } else {
            decided.put(key, canonical);
        }
        return this;
    }

    /** Puts a field whose meaning is its text (numbers and text compare as written; null, "" and [] as absent). */
    MappingWriter put(String key, @Nullable Object canonical) {
        return put(key, canonical, MappingWriter::plain);
    }

    Map<String, Object> build() {
        Map<String, Object> out = new LinkedHashMap<>();
        Set<String> keys = new LinkedHashSet<>(origin.keySet());
        keys.addAll(decided.keySet());
        for (String key : keys) {
            Object value = decided.containsKey(key) ? decided.get(key) : origin.get(key);
            if (value != OMIT) {
                out.put(key, value);
            }
        }
        return out;
    }

    static boolean isEmpty(@Nullable Object value) {
        return value == null || "".equals(value) || value instanceof List<?> l && l.isEmpty()
                || value instanceof Map<?, ?> m && m.isEmpty();
    }

    /** The meaning of a plain value: its text, lists element by element, with empties meaning absent. */
    static @Nullable Object plain(@Nullable Object value) {
        if (isEmpty(value)) {
            return null;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(MappingWriter::plain).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, plain(v)));
            return out;
        }
        return value.toString();
    }
}
