package io.gantry.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A user name and password (or token) for one request. The engine stores none: they arrive with each API call.
 *
 * @param username user name
 * @param password password or access token
 */
public record Credentials(String username, String password) {

    @Override
    public String toString() {
        return "Credentials[" + username + ", ***]";
    }

    /** The value of an {@code Authorization: Basic} header. */
    String basicHeader() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Identifies the user and password without holding the password readably, for keying cached authorizations: a
     * cached token must never answer for a different password.
     */
    String fingerprint() {
        return username + " " + io.gantry.core.content.Digest.of((username + "\0" + password).getBytes(StandardCharsets.UTF_8))
                .hex();
    }

    /** {@link #fingerprint()} of {@code credentials}, or empty for anonymous requests. */
    static String fingerprint(@org.jspecify.annotations.Nullable Credentials credentials) {
        return credentials == null ? "" : credentials.fingerprint();
    }

    /**
     * Decodes Docker's {@code X-Registry-Auth} header: base64url JSON with {@code username} and {@code password}.
     * Empty when the header is absent or carries no user name (anonymous).
     */
    public static Optional<Credentials> fromXRegistryAuth(String header) {
        if (header.isBlank()) {
            return Optional.empty();
        }
        try {
            byte[] json = Base64.getUrlDecoder().decode(header.trim().replace('+', '-').replace('/', '_'));
            JsonNode node = new ObjectMapper().readTree(json);
            String user = node.path("username").asText("");
            return user.isEmpty() ? Optional.empty() : Optional.of(new Credentials(user, node.path("password").asText("")));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("X-Registry-Auth is not base64 JSON: " + e.getMessage(), e);
        }
    }
}
