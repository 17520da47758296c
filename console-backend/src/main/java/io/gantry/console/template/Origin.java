package io.gantry.console.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a file said about one object, as it was written: the YAML mapping a template, service, port, variable, volume
 * or link was read from. Writers start from it so that unknown fields, key order and the user's forms (a port as a
 * string, {@code host_port: null}, an empty list) survive a round trip; a field the model changed is written anew.
 *
 * <p>An origin is provenance, not content: all origins are equal to each other, so two values that mean the same are
 * equal whatever form they were written in.
 */
public final class Origin {

    /** The file format an origin was read from; a writer only reuses an origin of its own format. */
    public enum Format { PMX, COMPOSE }

    private static final Origin NONE = new Origin(null, Map.of());

    private final @Nullable Format format;
    private final Map<String, Object> fields;

    private Origin(@Nullable Format format, Map<String, Object> fields) {
        this.format = format;
        this.fields = fields;
    }

    /** The origin of something made in the console rather than read from a file. */
    public static Origin none() {
        return NONE;
    }

    static Origin of(Format format, Map<String, Object> fields) {
        return new Origin(format, Collections.unmodifiableMap(new LinkedHashMap<>(fields)));
    }

    /** The mapping as written, or an empty one when this origin is of another format. */
    Map<String, Object> fields(Format wanted) {
        return wanted == format ? fields : Map.of();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Origin;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "Origin";
    }
}
