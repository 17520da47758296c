package io.gantry.console.app;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Docker's restart policy of a container.
 *
 * @param name              {@code no}, {@code always}, {@code unless-stopped} or {@code on-failure}
 * @param maximumRetryCount for {@code on-failure}: how often to retry, 0 for no limit; 0 otherwise
 */
public record RestartPolicy(String name, int maximumRetryCount) {

    private static final Pattern FORM = Pattern.compile("(no|always|unless-stopped|on-failure)(?::([0-9]{1,9}))?");

    public RestartPolicy {
        Objects.requireNonNull(name, "name");
        if (!FORM.matcher(name).matches() || name.contains(":")) {
            throw new IllegalArgumentException("not a restart policy: " + name);
        }
        if (maximumRetryCount < 0 || maximumRetryCount > 0 && !name.equals("on-failure")) {
            throw new IllegalArgumentException("only on-failure takes a retry count, not " + name);
        }
    }

    /** Reads the template form: {@code always}, {@code on-failure:3}, ... */
    public static RestartPolicy parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches() || m.group(2) != null && !m.group(1).equals("on-failure")) {
            throw new IllegalArgumentException("not a restart policy (no, always, unless-stopped, on-failure[:N]): "
                    + text);
        }
        return new RestartPolicy(m.group(1), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
    }

    /** The template form, which {@link #parse} reads back. */
    @Override
    public String toString() {
        return maximumRetryCount > 0 ? name + ":" + maximumRetryCount : name;
    }
}
