package io.gantry.core.api.types;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /auth}'s answer when the registry accepted the credentials: {@code {"Status":"Login Succeeded"}}. */
public record AuthResponse(@JsonProperty("Status") String status, @JsonProperty("IdentityToken") String identityToken) {

    public static final AuthResponse SUCCEEDED = new AuthResponse("Login Succeeded", "");
}
