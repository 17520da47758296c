package io.gantry.core.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An Engine API version such as {@code 1.47}, compared numerically (1.9 &lt; 1.10). */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

    /** What this engine speaks: within [1.44, 1.50], the range current docker CLIs need. */
    public static final ApiVersion CURRENT = new ApiVersion(1, 47);
    /** The oldest version served, as Docker does. */
    public static final ApiVersion MINIMUM = new ApiVersion(1, 24);

    private static final Pattern FORM = Pattern.compile("([0-9]{1,4})\\.([0-9]{1,4})");

    public static ApiVersion parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an API version: " + text);
        }
        return new ApiVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** Refuses a version outside [MINIMUM, CURRENT] with Docker's own messages, which the CLI prints as they are. */
    void checkServed() {
        if (!atLeast(MINIMUM)) {
            throw new ApiException(400, "client version " + this + " is too old. Minimum supported API version is "
                    + MINIMUM + ", please upgrade your client to a newer version");
        }
        if (compareTo(CURRENT) > 0) {
            throw new ApiException(400, "client version " + this + " is too new. Maximum supported API version is "
                    + CURRENT);
        }
    }

    public boolean atLeast(ApiVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(ApiVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
