package io.gantry.core.api.types;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One line of a JSON progress stream ({@code POST /images/create}, push, load): the CLI draws per-layer bars from
 * {@code id} + {@code progressDetail}; {@code errorDetail} ends a stream that failed after it started.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgressMessage(
        @JsonProperty("status") @Nullable String status,
        @JsonProperty("id") @Nullable String id,
        @JsonProperty("progressDetail") @Nullable Detail progressDetail,
        @JsonProperty("progress") @Nullable String progress,
        @JsonProperty("errorDetail") @Nullable ErrorDetail errorDetail,
        @JsonProperty("error") @Nullable String error) {

    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public record Detail(@JsonProperty("current") long current, @JsonProperty("total") long total) {
    }

    public record ErrorDetail(@JsonProperty("message") String message) {
    }

    public static ProgressMessage status(String status, @Nullable String id) {
        return new ProgressMessage(status, id, null, null, null, null);
    }

    public static ProgressMessage failure(String message) {
        return new ProgressMessage(null, null, null, null, new ErrorDetail(message), message);
    }
}
