package io.gantry.core.api.types;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"Id": ...}}, the answer of exec create and commit. */
public record IdResponse(@JsonProperty("Id") String id) {
}
