package io.gantry.core.api.types;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Docker's error body: {@code {"message": "..."}}; the CLI prints it after "Error response from daemon:". */
public record ErrorResponse(@JsonProperty("message") String message) {
}
