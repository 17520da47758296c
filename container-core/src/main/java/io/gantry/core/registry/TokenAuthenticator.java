package io.gantry.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Fetches Bearer tokens from the realm a registry's challenge names (distribution's token spec): anonymous, or with
 * Basic credentials. Tokens are cached per realm, service, scope and user until they expire ({@code expires_in},
 * 60 s when absent).
 */
final class TokenAuthenticator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);

    private record Cached(String token, Instant expires) {
    }

    private final HttpClient client;
    private final RegistrySettings settings;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    TokenAuthenticator(HttpClient client, RegistrySettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /** A token for {@code scope}; {@code fresh} skips the cache (the registry refused the cached one). */
    String token(Challenge challenge, String scope, @Nullable Credentials credentials, boolean fresh, String operation) {
        String realm = challenge.param("realm");
        if (realm.isEmpty()) {
            throw new RegistryException(operation + ": Bearer challenge without a realm", 401);
        }
        String key = realm + " " + challenge.param("service") + " " + scope + " " + Credentials.fingerprint(credentials);
        Cached cached = cache.get(key);
        if (!fresh && cached != null && Instant.now().isBefore(cached.expires())) {
            return cached.token();
        }
        URI uri = URI.create(realm + (realm.contains("?") ? "&" : "?") + "service="
                + URLEncoder.encode(challenge.param("service"), StandardCharsets.UTF_8)
                + (scope.isEmpty() ? "" : "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8)));
        settings.checkAllowed(uri, operation + ": token");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(30));
        if (credentials != null) {
            request.header("Authorization", credentials.basicHeader());
        }
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] bytes = body.readNBytes(1 << 20);
                if (response.statusCode() != 200) {
                    throw new RegistryException(operation + ": token from " + realm + ": HTTP " + response.statusCode()
                            + reason(bytes), response.statusCode());
                }
                JsonNode json = JSON.readTree(bytes);
                String token = json.path("token").asText(json.path("access_token").asText(""));
                if (token.isEmpty()) {
                    throw new RegistryException(operation + ": token response from " + realm + " has no token", 401);
                }
                long seconds = json.path("expires_in").asLong(DEFAULT_LIFETIME.toSeconds());
                cache.put(key, new Cached(token, Instant.now().plusSeconds(Math.max(seconds, 1) - 1)));
                return token;
            }
        } catch (IOException e) {
            throw new RegistryException(operation + ": token from " + realm + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(operation + ": interrupted", e);
        }
    }

    /**
     * The auth service's reason, as Docker Hub ({@code {"details":"incorrect username or password"}}) or distribution
     * ({@code {"errors":[{"message":…}]}}) word it; empty when the body says nothing readable.
     */
    private static String reason(byte[] body) {
        try {
            JsonNode json = JSON.readTree(body);
            String text = json.path("details").asText(json.path("errors").path(0).path("message").asText(""));
            return text.isBlank() ? "" : " " + text;
        } catch (IOException | RuntimeException notJson) {
            String text = new String(body, StandardCharsets.UTF_8).strip();
            return text.isEmpty() || text.length() > 200 ? "" : " " + text;
        }
    }
}
