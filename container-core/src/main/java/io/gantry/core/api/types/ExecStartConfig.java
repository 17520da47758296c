package io.gantry.core.api.types;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of {@code POST /exec/{id}/start}. */
public record ExecStartConfig(@JsonProperty("Detach") boolean detach, @JsonProperty("Tty") boolean tty) {
}
