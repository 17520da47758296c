package io.gantry.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The transport every endpoint shares: answers authentication challenges, retries server errors and I/O failures with
 * doubling backoff, follows redirects itself so that {@code Authorization} never travels to another host, and refuses
 * unconfigured hosts when the settings say so.
 */
final class RegistryHttp {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int MAX_REDIRECTS = 5;
    private static final String DOCKER_HUB_API = "registry-1.docker.io";

    /** One request, rebuilt for every attempt (bodies are single-use). */
    record Call(String method, URI uri, Map<String, String> headers, Supplier<HttpRequest.BodyPublisher> body) {

        static Call get(URI uri, Map<String, String> headers) {
            return new Call("GET", uri, headers, HttpRequest.BodyPublishers::noBody);
        }
    }

    private final HttpClient client;
    private final RegistrySettings settings;
    private final TokenAuthenticator tokens;
    private final Map<String, String> authorizations = new ConcurrentHashMap<>();

    RegistryHttp(HttpClient client, RegistrySettings settings) {
        this.client = client;
        this.settings = settings;
        this.tokens = new TokenAuthenticator(client, settings);
    }

    /** {@code http(s)://host/v2/} for a registry name as references spell it ({@code docker.io} → its API host). */
    URI base(String registry) {
        String host = registry.equals("docker.io") ? DOCKER_HUB_API : registry;
        return URI.create((settings.isInsecure(registry) ? "http://" : "https://") + host + "/v2/");
    }

    /**
     * Sends {@code call}, authenticating for {@code scope} ({@code repository:name:pull}) when challenged. Server errors
     * are retried; the last response is returned whatever its status, with an open body the caller closes.
     */
    HttpResponse<InputStream> send(String operation, String registry, String scope, @Nullable Credentials credentials,
                                   Call call) {
        return retrying(operation, () -> sendAuthenticated(operation, registry, scope, credentials, call));
    }

    /**
     * Sends {@code call} with {@code authorization} (to its own host only) or none, answering no challenge: for pings,
     * and endpoints outside the v2 API such as an index's search.
     */
    HttpResponse<InputStream> sendDirect(String operation, Call call, @Nullable String authorization) {
        return retrying(operation, () -> sendFollowingRedirects(operation, call, authorization));
    }

    private interface Exchange {
        HttpResponse<InputStream> run() throws IOException;
    }

    private HttpResponse<InputStream> retrying(String operation, Exchange exchange) {
        IOException lastFailure = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            if (attempt > 1) {
                pause(operation, attempt);
            }
            try {
                HttpResponse<InputStream> response = exchange.run();
                if (response.statusCode() >= 500 && attempt < settings.maxAttempts()) {
                    response.body().close();
                    continue;
                }
                return response;
            } catch (IOException e) {
                lastFailure = e;
            }
        }
        throw new RegistryException(operation + ": " + Objects.requireNonNull(lastFailure).getMessage() + " (after "
                + settings.maxAttempts() + " attempts)", lastFailure);
    }

    private HttpResponse<InputStream> sendAuthenticated(String operation, String registry, String scope,
                                                        @Nullable Credentials credentials, Call call) throws IOException {
        String cacheKey = registry + " " + scope + " " + Credentials.fingerprint(credentials);
        String authorization = authorizations.get(cacheKey);
        HttpResponse<InputStream> response = sendFollowingRedirects(operation, call, authorization);
        if (response.statusCode() != 401) {
            return response;
        }
        String header = response.headers().firstValue("WWW-Authenticate").orElse("");
        response.body().close();
        Challenge challenge = Challenge.parse(header);
        if (challenge.scheme().equals("bearer")) {
            authorization = "Bearer " + tokens.token(challenge, scope, credentials, authorization != null, operation);
        } else if (challenge.scheme().equals("basic") && credentials != null) {
            authorization = credentials.basicHeader();
        } else {
            throw new RegistryException(operation + ": unauthorized: no credentials were given and the registry asks for them ("
                    + (header.isEmpty() ? "no challenge" : header) + ")", 401);
        }
        HttpResponse<InputStream> retried = sendFollowingRedirects(operation, call, authorization);
        if (retried.statusCode() == 401) {
            authorizations.remove(cacheKey);
            throw new RegistryException(failure(operation, retried).getMessage() + (credentials == null
                    ? " (no credentials were given)" : " (the registry refused the credentials of " + credentials.username() + ")"),
                    401);
        }
        authorizations.put(cacheKey, authorization);
        return retried;
    }

    private HttpResponse<InputStream> sendFollowingRedirects(String operation, Call call, @Nullable String authorization)
            throws IOException {
        URI uri = call.uri();
        String method = call.method();
        String origin = authority(uri);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            settings.checkAllowed(uri, operation);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5))
                    .method(method, method.equals(call.method()) ? call.body().get() : HttpRequest.BodyPublishers.noBody());
            call.headers().forEach(request::header);
            if (authorization != null && authority(uri).equals(origin)) {
                request.header("Authorization", authorization); // never to another host: signed URLs, token leaks
            }
            HttpResponse<InputStream> response = sendOnce(operation, request.build());
            var location = response.headers().firstValue("Location");
            if (!REDIRECTS.contains(response.statusCode()) || location.isEmpty()) {
                return response;
            }
            response.body().close();
            uri = uri.resolve(location.get());
            if (response.statusCode() == 303) {
                method = "GET";
            }
        }
        throw new RegistryException(operation + ": more than " + MAX_REDIRECTS + " redirects", 0);
    }

    private HttpResponse<InputStream> sendOnce(String operation, HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(operation + ": interrupted", e);
        }
    }

    private void pause(String operation, int attempt) {
        try {
            Thread.sleep(settings.backoff().toMillis() << (attempt - 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(operation + ": interrupted", e);
        }
    }

    private static String authority(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }

    /** A failure naming the operation, the status and the registry's error code and message. */
    static RegistryException failure(String operation, HttpResponse<InputStream> response) {
        String detail = "";
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(16 * 1024);
            JsonNode error = new ObjectMapper().readTree(bytes).path("errors").path(0);
            detail = error.isMissingNode() ? new String(bytes, StandardCharsets.UTF_8).strip()
                    : error.path("code").asText() + " " + error.path("message").asText();
        } catch (IOException | RuntimeException e) {
            // the status alone must do
        }
        String limit = RateLimit.from(response.headers()).map(l -> " (rate limit: " + l + ")").orElse("");
        return new RegistryException(operation + ": HTTP " + response.statusCode() + (detail.isEmpty() ? "" : " " + detail)
                + limit, response.statusCode());
    }
}
