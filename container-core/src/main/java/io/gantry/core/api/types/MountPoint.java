package io.gantry.core.api.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** A mount of a container as inspect and {@code ps} report it. */
public record MountPoint(
        @JsonProperty("Type") String type,
        @JsonProperty("Name") @Nullable String name,
        @JsonProperty("Source") String source,
        @JsonProperty("Destination") String destination,
        @JsonProperty("Driver") @Nullable String driver,
        @JsonProperty("Mode") String mode,
        @JsonProperty("RW") boolean rw,
        @JsonProperty("Propagation") String propagation) {
}
