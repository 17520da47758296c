package io.gantry.core.api.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code 201} of {@code POST /containers/create}. */
public record ContainerCreateResponse(@JsonProperty("Id") String id, @JsonProperty("Warnings") List<String> warnings) {
}
