package io.gantry.core.api.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** {@code POST /containers/{id}/wait}: the exit code, and an error if waiting failed. */
public record WaitResponse(@JsonProperty("StatusCode") int statusCode, @JsonProperty("Error") @Nullable Message error) {

    public record Message(@JsonProperty("Message") String message) {
    }
}
