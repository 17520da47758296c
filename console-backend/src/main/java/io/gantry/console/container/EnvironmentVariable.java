package io.gantry.console.container;

/**
 * One variable of a container's environment.
 *
 * @param secret the name looks like a secret (PASSWORD, TOKEN, KEY, …): the details page masks the value
 */
public record EnvironmentVariable(String name, String value, boolean secret) {

    public static final String MASK = "••••••••";

    /** The value as the page shows it. */
    public String shown() {
        return secret ? MASK : value;
    }
}
