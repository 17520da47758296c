package io.gantry.core.volume;

import io.gantry.core.errors.InvalidArgumentException;

/**
 * A bind the runtime performs into the container: {@code source} on the host at {@code target} inside.
 *
 * @param source   absolute host path (a volume's {@code _data} or a bind source)
 * @param target   absolute path inside the container
 * @param readOnly bound read-only
 * @param volume   the volume's name, or empty for a bind mount
 */
public record VolumeMount(String source, String target, boolean readOnly, String volume) {

    public VolumeMount {
        if (!source.startsWith("/") || !target.startsWith("/")) {
            throw new InvalidArgumentException("mount paths must be absolute: " + source + " -> " + target);
        }
    }
}
