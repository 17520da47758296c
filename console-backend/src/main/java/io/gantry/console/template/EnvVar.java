package io.gantry.console.template;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An environment variable of a service, which the console also offers as a parameter.
 *
 * @param value       the value or default, null when the file gives none (Compose's bare {@code - NAME})
 * @param label       a short name for the form (a Gantry addition to {@code .pmx}), or null
 * @param description help text for the form, or null
 * @param required    whether a deployment must give it a non-empty value
 */
public record EnvVar(String name, @Nullable String value, @Nullable String label, @Nullable String description,
                     boolean required, Origin origin) {

    public EnvVar {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
    }

    public static EnvVar of(String name, @Nullable String value) {
        return new EnvVar(name, value, null, null, false, Origin.none());
    }

    public EnvVar withValue(@Nullable String newValue) {
        return new EnvVar(name, newValue, label, description, required, origin);
    }
}
