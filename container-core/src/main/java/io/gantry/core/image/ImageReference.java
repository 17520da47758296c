package io.gantry.core.image;

import io.gantry.core.content.Digest;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A normalised image reference, as Docker's {@code distribution/reference} normalises it: {@code busybox} is
 * {@code docker.io/library/busybox:latest}, {@code index.docker.io} is {@code docker.io}, a first component is a
 * registry only if it holds a {@code .} or {@code :}, is {@code localhost} or has upper case.
 *
 * @param domain the registry, e.g. {@code docker.io} or {@code 127.0.0.1:5000}
 * @param path   the repository inside it, e.g. {@code library/busybox}
 * @param tag    the tag; {@code latest} when neither tag nor digest was given, null for a digest-only reference
 * @param digest the manifest digest, when pinned
 */
public record ImageReference(String domain, String path, @Nullable String tag, @Nullable Digest digest) {

    public static final String DOCKER_HUB = "docker.io";
    public static final String DEFAULT_TAG = "latest";
    static final int NAME_TOTAL_LENGTH_MAX = 255;

    private static final String LEGACY_DOCKER_HUB = "index.docker.io";
    private static final String OFFICIAL_PREFIX = "library/";
    private static final Pattern PATH = Pattern.compile(
            "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*"
                    + "|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern HEX64 = Pattern.compile("[a-f0-9]{64}");

    public ImageReference {
        if (!DOMAIN.matcher(domain).matches()) {
            throw new InvalidReferenceException(domain + "/" + path, "invalid registry '" + domain + "'");
        }
        if (!PATH.matcher(path).matches()) {
            throw new InvalidReferenceException(domain + "/" + path, "invalid repository name '" + path + "'");
        }
        if (tag != null && !TAG.matcher(tag).matches()) {
            throw new InvalidReferenceException(domain + "/" + path + ":" + tag,
                    "invalid tag '" + tag + "' (letters, digits, _ . -, at most 128, not starting with . or -)");
        }
        if (tag == null && digest == null) {
            tag = DEFAULT_TAG;
        }
    }

    /** Parses and normalises {@code text}; {@link InvalidReferenceException} says why when Docker would refuse it. */
    public static ImageReference parse(String text) {
        if (text.isEmpty()) {
            throw new InvalidReferenceException(text, "empty reference");
        }
        if (HEX64.matcher(text).matches()) {
            throw new InvalidReferenceException(text, "cannot specify 64-byte hexadecimal strings as a repository name");
        }
        String rest = text;
        Digest digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            try {
                digest = Digest.parse(rest.substring(at + 1));
            } catch (IllegalArgumentException e) {
                throw new InvalidReferenceException(text, e.getMessage());
            }
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (tag.isEmpty()) {
                throw new InvalidReferenceException(text, "empty tag");
            }
        }
        return normalise(text, rest, tag, digest);
    }

    private static ImageReference normalise(String text, String name, @Nullable String tag, @Nullable Digest digest) {
        String domain = DOCKER_HUB;
        String remainder = name;
        int slash = name.indexOf('/');
        if (slash >= 0) {
            String first = name.substring(0, slash);
            boolean isRegistry = first.contains(".") || first.contains(":") || first.equals("localhost")
                    || !first.toLowerCase(Locale.ROOT).equals(first);
            if (isRegistry) {
                domain = first;
                remainder = name.substring(slash + 1);
            }
        }
        if (domain.equals(LEGACY_DOCKER_HUB)) {
            domain = DOCKER_HUB;
        }
        if (domain.equals(DOCKER_HUB) && remainder.indexOf('/') < 0) {
            remainder = OFFICIAL_PREFIX + remainder;
        }
        if (!remainder.toLowerCase(Locale.ROOT).equals(remainder)) {
            throw new InvalidReferenceException(text, "repository name '" + remainder + "' must be lowercase");
        }
        if (domain.length() + 1 + remainder.length() > NAME_TOTAL_LENGTH_MAX) {
            throw new InvalidReferenceException(text, "repository name longer than " + NAME_TOTAL_LENGTH_MAX + " characters");
        }
        try {
            return new ImageReference(domain, remainder, tag, digest);
        } catch (InvalidReferenceException e) {
            throw new InvalidReferenceException(text, e.getMessage().substring(e.getMessage().indexOf("': ") + 3));
        }
    }

    /** {@code domain/path}, e.g. {@code docker.io/library/busybox}. */
    public String name() {
        return domain + "/" + path;
    }

    /** What to ask the registry's manifest endpoint for: the digest when pinned, else the tag. */
    public String manifestReference() {
        return digest != null ? digest.toString() : requireTag();
    }

    /** The same repository, pinned to {@code pinned}; keeps the tag for display. */
    public ImageReference withDigest(Digest pinned) {
        return new ImageReference(domain, path, tag, pinned);
    }

    /** The short form Docker prints: {@code busybox:latest}, {@code user/app:1}, {@code 127.0.0.1:5000/app:1}. */
    public String familiar() {
        String shortName = name();
        if (domain.equals(DOCKER_HUB)) {
            shortName = path.startsWith(OFFICIAL_PREFIX) ? path.substring(OFFICIAL_PREFIX.length()) : path;
        }
        return shortName + suffix();
    }

    @Override
    public String toString() {
        return name() + suffix();
    }

    private String suffix() {
        return (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }

    private String requireTag() {
        if (tag == null) {
            throw new IllegalStateException("reference has neither tag nor digest: " + name());
        }
        return tag;
    }
}
