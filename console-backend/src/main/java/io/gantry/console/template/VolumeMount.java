package io.gantry.console.template;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A volume of a service: a host path bound into the container, a named volume, or (without source) an anonymous
 * data volume.
 *
 * @param source a host path ({@code /srv/data}, {@code ./site}, {@code ~/x}), a volume name, or null
 */
public record VolumeMount(@Nullable String source, String target, boolean readOnly, Origin origin) {

    public VolumeMount {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(origin, "origin");
    }

    public static VolumeMount of(@Nullable String source, String target) {
        return new VolumeMount(source, target, false, Origin.none());
    }

    /** Whether this binds a directory of the host (as opposed to a named or anonymous volume). */
    public boolean isHostPath() {
        return source != null && (source.startsWith("/") || source.startsWith(".") || source.startsWith("~")
                || source.startsWith("$"));
    }

    /** Whether this is a named volume that the engine manages. */
    public boolean isNamedVolume() {
        return source != null && !isHostPath();
    }
}
