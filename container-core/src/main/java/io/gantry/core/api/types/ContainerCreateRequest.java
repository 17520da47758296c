package io.gantry.core.api.types;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /containers/create}: the config at the top level, plus host and network settings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerCreateRequest(
        @JsonUnwrapped ContainerConfig config,
        @JsonProperty("HostConfig") @Nullable HostConfig hostConfig,
        @JsonProperty("NetworkingConfig") @Nullable NetworkingConfig networkingConfig) {

    public record NetworkingConfig(@JsonProperty("EndpointsConfig") @Nullable Map<String, EndpointSettings> endpointsConfig) {
    }

    /** A container's settings on one network; in an inspect also its address there. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EndpointSettings(
            @JsonProperty("Aliases") @Nullable List<String> aliases,
            @JsonProperty("Links") @Nullable List<String> links,
            @JsonProperty("NetworkID") @Nullable String networkId,
            @JsonProperty("EndpointID") @Nullable String endpointId,
            @JsonProperty("Gateway") @Nullable String gateway,
            @JsonProperty("IPAddress") @Nullable String ipAddress,
            @JsonProperty("IPPrefixLen") int ipPrefixLen,
            @JsonProperty("MacAddress") @Nullable String macAddress,
            @JsonProperty("DNSNames") @Nullable List<String> dnsNames) {
    }
}
