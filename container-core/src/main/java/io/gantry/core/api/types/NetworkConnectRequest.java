package io.gantry.core.api.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /networks/{id}/connect} and {@code .../disconnect}. */
public record NetworkConnectRequest(
        @JsonProperty("Container") @Nullable String container,
        @JsonProperty("EndpointConfig") ContainerCreateRequest.@Nullable EndpointSettings endpointConfig,
        @JsonProperty("Force") boolean force) {
}
