package io.gantry.core.volume;

import io.gantry.core.errors.InvalidArgumentException;
import java.util.Arrays;

/**
 * A {@code -v} request: {@code /host/path:/target[:ro|rw]} (bind), {@code name:/target[:ro|rw]} (named volume) or
 * {@code /target} (anonymous volume).
 *
 * @param kind     bind, named or anonymous
 * @param source   the host path, the volume name, or empty for anonymous
 * @param target   the absolute path inside the container
 * @param readOnly {@code ro}
 */
public record MountSpec(Kind kind, String source, String target, boolean readOnly) {

    /** What a {@code -v} source names. */
    public enum Kind { BIND, NAMED, ANONYMOUS }

    public MountSpec {
        if (!target.startsWith("/") || Arrays.asList(target.split("/")).contains("..")) {
            throw new InvalidArgumentException("mount target must be an absolute path without '..': " + target);
        }
        if (kind == Kind.BIND && (!source.startsWith("/") || Arrays.asList(source.split("/")).contains(".."))) {
            throw new InvalidArgumentException("bind source must be an absolute path without '..': " + source);
        }
        if (kind == Kind.NAMED) {
            Volume.validateName(source);
        }
    }

    /** Parses Docker's {@code -v} syntax. */
    public static MountSpec parse(String spec) {
        String[] parts = spec.split(":", -1);
        boolean ro = false;
        int n = parts.length;
        if (n == 3 || (n == 2 && !parts[1].startsWith("/"))) {
            String mode = parts[n - 1];
            for (String opt : mode.split(",")) {
                switch (opt) {
                    case "ro" -> ro = true;
                    case "rw", "z", "Z" -> { }
                    default -> throw new InvalidArgumentException("invalid mount mode " + mode + " in " + spec);
                }
            }
            n--;
        }
        if (n == 1) {
            return new MountSpec(Kind.ANONYMOUS, "", parts[0], ro);
        }
        if (n != 2 || parts[0].isEmpty()) {
            throw new InvalidArgumentException("invalid volume spec " + spec);
        }
        Kind kind = parts[0].startsWith("/") ? Kind.BIND : Kind.NAMED;
        return new MountSpec(kind, parts[0], parts[1], ro);
    }
}
