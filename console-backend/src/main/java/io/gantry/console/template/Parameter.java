package io.gantry.console.template;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One value a deployment form asks for: a {@code ${NAME}} placeholder used anywhere in the template, or an
 * environment variable of a service that has no placeholder in its value.
 *
 * @param key          what {@link Parameters#apply} expects the value under: the placeholder's name, or
 *                     {@code service.VARIABLE} for an environment variable
 * @param service      the service of an environment variable, null for a placeholder
 * @param defaultValue what is used when no value is given, or null
 * @param required     a value must be given (a {@code required} variable, or a {@code ${NAME:?message}} placeholder)
 * @param requiredMessage the {@code :?} message, shown when the value is missing, or null
 * @param secret       the name looks like a secret (PASSWORD, SECRET, TOKEN, KEY): mask it, keep it out of exports
 */
public record Parameter(String key, String name, @Nullable String service, String label,
                        @Nullable String description, @Nullable String defaultValue, boolean required,
                        @Nullable String requiredMessage, boolean secret) {

    private static final Pattern SECRET = Pattern.compile(".*(PASSWORD|PASSWD|SECRET|TOKEN|KEY).*");

    public Parameter {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
    }

    /** Whether a variable or placeholder of this name holds a secret. */
    public static boolean looksSecret(String name) {
        return SECRET.matcher(name.toUpperCase(Locale.ROOT)).matches();
    }
}
