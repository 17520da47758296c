package io.gantry.core.api.types;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One item of {@code GET /images/search}, in dockerd's field order; {@code is_automated} is deprecated and always false. */
public record ImageSearchResult(
        @JsonProperty("star_count") int starCount,
        @JsonProperty("is_official") boolean official,
        @JsonProperty("name") String name,
        @JsonProperty("is_automated") boolean automated,
        @JsonProperty("description") String description) {
}
