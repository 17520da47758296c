package io.gantry.core.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /auth} (and, base64url-encoded, the {@code X-Registry-Auth} header): a registry login.
 * {@code serveraddress} is {@code https://index.docker.io/v1/} for Docker Hub, {@code host:port} otherwise.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuthConfig(
        @JsonProperty("username") @Nullable String username,
        @JsonProperty("password") @Nullable String password,
        @JsonProperty("serveraddress") @Nullable String serverAddress,
        @JsonProperty("identitytoken") @Nullable String identityToken) {
}
