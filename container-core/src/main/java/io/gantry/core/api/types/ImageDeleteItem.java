package io.gantry.core.api.types;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** One line of {@code DELETE /images/{name}}: a tag removed, or an image deleted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageDeleteItem(@JsonProperty("Untagged") @Nullable String untagged,
        @JsonProperty("Deleted") @Nullable String deleted) {
}
