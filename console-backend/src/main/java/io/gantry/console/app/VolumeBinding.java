package io.gantry.console.app;

import java.util.Objects;

/**
 * One mount of a container: an engine volume by name or a host directory, at a container path.
 *
 * @param source a volume name ({@link Kind#VOLUME}) or a host path ({@link Kind#BIND})
 */
public record VolumeBinding(Kind kind, String source, String target, boolean readOnly) {

    public enum Kind { VOLUME, BIND }

    public VolumeBinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
    }

    /** Docker's {@code HostConfig.Binds} entry: {@code source:target[:ro]}. */
    public String bind() {
        return source + ":" + target + (readOnly ? ":ro" : "");
    }
}
