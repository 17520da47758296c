package io.gantry.console.run;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A volume the user may point elsewhere before running: a named volume, a host directory, or anonymous.
 *
 * @param source the template's volume name or host path, or null for an anonymous volume
 */
public record VolumeChoice(String service, String target, @Nullable String source) {

    public VolumeChoice {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(target, "target");
    }

    /** Identifies the volume in a {@link RunRequest}: {@code db:/var/lib/mysql}. */
    public String key() {
        return service + ":" + target;
    }
}
