package io.gantry.console.app;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names the console gives to what it creates on an engine. Docker accepts container, network and volume names that
 * match {@code [a-zA-Z0-9][a-zA-Z0-9_.-]+}; the console uses lower-case slugs so that names also read well as host
 * names, and keeps them short so that {@code <slug>-<service>} stays under 128 characters.
 */
public final class DockerNames {

    /** The longest slug; service names are at most 63 characters, so a container name stays far below Docker's limit. */
    public static final int MAX_SLUG = 40;

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0," + (MAX_SLUG - 1) + "})");
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private DockerNames() {
    }

    /** A slug from what the user called an application: lower case, runs of other characters as one '-'. */
    public static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+", "");
        if (s.length() > MAX_SLUG) {
            s = s.substring(0, MAX_SLUG);
        }
        s = s.replaceAll("-+$", "");
        return s.isEmpty() ? "app" : s;
    }

    /** The {@code n}-th alternative of a slug that is taken: {@code wordpress-2}, {@code wordpress-3}, ... */
    public static String alternative(String slug, int n) {
        String suffix = "-" + n;
        String stem = slug.length() + suffix.length() > MAX_SLUG ? slug.substring(0, MAX_SLUG - suffix.length()) : slug;
        return stem.replaceAll("-+$", "") + suffix;
    }

    public static boolean isSlug(String text) {
        return SLUG.matcher(text).matches() && !text.endsWith("-");
    }

    /** {@code <slug>-<service>}, with characters Docker refuses in the service name replaced by '_'. */
    public static String container(String slug, String service) {
        return slug + "-" + part(service);
    }

    public static String network(String slug) {
        return slug + "_default";
    }

    /** A named volume of the application: {@code <slug>_<volume>}. */
    public static String volume(String slug, String volume) {
        return slug + "_" + part(volume);
    }

    /**
     * The volume the console names for a container path that the template (or the image) leaves anonymous, so that
     * its data survives when the service is recreated: {@code <slug>_<service>_<path>}.
     */
    public static String pathVolume(String slug, String service, String containerPath) {
        String path = containerPath.replaceAll("[^A-Za-z0-9.-]+", "_").replaceAll("^_+|_+$", "");
        return slug + "_" + part(service) + "_" + (path.isEmpty() ? "root" : path);
    }

    private static String part(String text) {
        String cleaned = text.replaceAll("[^A-Za-z0-9_.-]", "_");
        return PART.matcher(cleaned).matches() ? cleaned : "x" + cleaned;
    }
}
