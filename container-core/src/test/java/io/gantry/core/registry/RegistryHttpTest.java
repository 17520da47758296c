package io.gantry.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gantry.core.content.ContentStore;
import io.gantry.core.content.Descriptor;
import io.gantry.core.content.FileContentStore;
import io.gantry.core.image.ImageReference;
import io.gantry.core.image.oci.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transport behaviour a stock registry cannot be made to show, against declared test doubles on loopback (JDK
 * HttpServer): a token service and a blob host on a second loopback address (127.0.0.2), failures on demand.
 */
class RegistryHttpTest {

    private static final byte[] BLOB = "blob content".getBytes(StandardCharsets.UTF_8);
    private static final Descriptor BLOB_DESCRIPTOR = Descriptor.of(MediaTypes.OCI_LAYER, BLOB);

    @TempDir
    Path root;

    private HttpServer registry;
    private HttpServer blobHost;
    private final List<String> registryAuthorizations = new CopyOnWriteArrayList<>();
    private final List<String> blobHostAuthorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private ContentStore store;

    @BeforeEach
    void startDoubles() throws IOException {
        store = FileContentStore.open(root);
        blobHost = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
        blobHost.createContext("/", exchange -> {
            blobHostAuthorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            respond(exchange, 200, BLOB, Map.of());
        });
        blobHost.start();
        registry = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        registry.createContext("/token", exchange -> respond(exchange, 200,
                "{\"token\":\"tok-1\",\"expires_in\":300}".getBytes(StandardCharsets.UTF_8), Map.of()));
        registry.createContext("/v2/", this::registryHandler);
        registry.start();
    }

    @AfterEach
    void stopDoubles() {
        registry.stop(0);
        blobHost.stop(0);
    }

    private void registryHandler(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        registryAuthorizations.add(String.valueOf(authorization));
        if (failuresLeft.getAndDecrement() > 0) {
            respond(exchange, 503, new byte[0], Map.of());
        } else if (!"Bearer tok-1".equals(authorization)) {
            respond(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}"
                    .getBytes(StandardCharsets.UTF_8), Map.of("WWW-Authenticate", "Bearer realm=\"http://" + address(registry)
                    + "/token\",service=\"test-registry\",scope=\"repository:app:pull\""));
        } else {
            respond(exchange, 307, new byte[0], Map.of("Location", "http://" + address(blobHost) + "/data?signed=1"));
        }
    }

    @Test
    void a_redirect_to_another_host_does_not_carry_the_authorization_header() {
        client(Set.of(address(registry), address(blobHost))).fetchBlob(image(), BLOB_DESCRIPTOR, store, PullProgress.NONE, null);

        assertThat(registryAuthorizations).contains("Bearer tok-1");
        assertThat(blobHostAuthorizations).containsExactly("null");
    }

    @Test
    void a_server_error_is_retried_with_backoff() throws IOException {
        failuresLeft.set(2);
        client(Set.of(address(registry), address(blobHost))).fetchBlob(image(), BLOB_DESCRIPTOR, store, PullProgress.NONE, null);
        assertThat(store.exists(BLOB_DESCRIPTOR.digest())).isTrue();
    }

    @Test
    void persistent_server_errors_fail_with_the_status_after_the_last_attempt() {
        failuresLeft.set(100);
        assertThatThrownBy(() -> client(Set.of(address(registry))).fetchBlob(image(), BLOB_DESCRIPTOR, store, PullProgress.NONE, null))
                .isInstanceOf(RegistryException.class).hasMessageContaining("HTTP 503");
        assertThat(registryAuthorizations).hasSize(3);
    }

    @Test
    void a_redirect_to_an_unconfigured_host_is_refused() {
        assertThatThrownBy(() -> client(Set.of(address(registry))).fetchBlob(image(), BLOB_DESCRIPTOR, store, PullProgress.NONE, null))
                .isInstanceOf(RegistryException.class).hasMessageContaining(address(blobHost) + " is not a configured registry");
        assertThat(blobHostAuthorizations).isEmpty();
    }

    @Test
    void basic_credentials_answer_a_basic_challenge() {
        HttpServer basic = null;
        try {
            basic = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            List<String> seen = new CopyOnWriteArrayList<>();
            basic.createContext("/v2/", exchange -> {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                seen.add(String.valueOf(authorization));
                if (authorization == null) {
                    respond(exchange, 401, new byte[0], Map.of("WWW-Authenticate", "Basic realm=\"registry\""));
                } else {
                    respond(exchange, 200, BLOB, Map.of());
                }
            });
            basic.start();
            ImageReference app = ImageReference.parse(address(basic) + "/app:1");
            client(Set.of(address(basic))).fetchBlob(app, BLOB_DESCRIPTOR, store, PullProgress.NONE, new Credentials("alice", "s3cret"));
            assertThat(seen).containsExactly("null", "Basic YWxpY2U6czNjcmV0");
            assertThatThrownBy(() -> client(Set.of(address(registry))).ping("127.0.0.1:1"))
                    .isInstanceOf(RegistryException.class).hasMessageContaining("not a configured registry");
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            if (basic != null) {
                basic.stop(0);
            }
        }
    }

    @Test
    void rate_limit_headers_are_reported_with_the_manifest_and_in_a_429_error() throws IOException {
        byte[] manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{}}"
                .getBytes(StandardCharsets.UTF_8);
        HttpServer limited = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        limited.createContext("/v2/", exchange -> {
            boolean exhausted = exchange.getRequestURI().getPath().endsWith("/exhausted");
            Map<String, String> headers = Map.of("Content-Type", MediaTypes.OCI_MANIFEST,
                    "ratelimit-limit", "100;w=21600", "ratelimit-remaining", (exhausted ? "0" : "76") + ";w=21600",
                    "docker-ratelimit-source", "192.0.2.1");
            respond(exchange, exhausted ? 429 : 200, exhausted ? ("{\"errors\":[{\"code\":\"TOOMANYREQUESTS\","
                    + "\"message\":\"You have reached your pull rate limit.\"}]}").getBytes(StandardCharsets.UTF_8) : manifest, headers);
        });
        limited.start();
        try {
            RegistryClient client = client(Set.of(address(limited)));

            FetchedManifest fetched = client.fetchManifest(ImageReference.parse(address(limited) + "/app:fine"), null);
            assertThat(fetched.rateLimit()).contains(new RateLimit(100, 76, 21600, "192.0.2.1"));
            assertThatThrownBy(() -> client.fetchManifest(ImageReference.parse(address(limited) + "/app:exhausted"), null))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageContaining("HTTP 429 TOOMANYREQUESTS You have reached your pull rate limit.")
                    .hasMessageContaining("rate limit: 0 of 100 pulls left per 21600 s for 192.0.2.1")
                    .extracting(e -> ((RegistryException) e).kind()).isEqualTo(io.gantry.core.errors.EngineException.Kind.UNAVAILABLE);
        } finally {
            limited.stop(0);
        }
    }

    @Test
    void x_registry_auth_decodes_docker_credentials() {
        String header = java.util.Base64.getUrlEncoder().encodeToString(
                "{\"username\":\"bob\",\"password\":\"pw\",\"serveraddress\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(Credentials.fromXRegistryAuth(header)).contains(new Credentials("bob", "pw"));
        assertThat(Credentials.fromXRegistryAuth("")).isEmpty();
        assertThat(new Credentials("bob", "pw").toString()).doesNotContain("pw");
    }

    @Test
    void challenges_with_quoted_commas_parse() {
        Challenge challenge = Challenge.parse(
                "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:a/b:pull,push\"");
        assertThat(challenge.scheme()).isEqualTo("bearer");
        assertThat(challenge.param("scope")).isEqualTo("repository:a/b:pull,push");
        assertThat(challenge.param("service")).isEqualTo("registry.docker.io");
    }

    private RegistryClient client(Set<String> hosts) {
        return new RegistryClient(RegistrySettings.onlyConfigured(hosts));
    }

    private ImageReference image() {
        return ImageReference.parse(address(registry) + "/app:1");
    }

    private static String address(HttpServer server) {
        return server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, byte[] body, Map<String, String> headers) throws IOException {
        try (InputStream ignored = exchange.getRequestBody()) {
            ignored.readAllBytes();
        }
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}
