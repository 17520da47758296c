package io.gantry.core.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Starts Debian's {@code docker-registry} (apt package {@code docker-registry}) on a free 127.0.0.1 port with its own
 * config and filesystem storage in a temporary directory; stops it by its process and deletes the directory afterwards.
 * Use it as a class extension ({@code @RegisterExtension static}) or open and close it yourself.
 *
 * <p>Three flavours, as registries are met in the wild:
 * <ul>
 *   <li>{@link #LocalRegistry() plain}: HTTP, no auth;</li>
 *   <li>{@link #httpsWithBasicAuth()}: TLS with a certificate from a throwaway CA made with openssl, and Basic auth
 *       from an htpasswd file (bcrypt) for {@link #USER}; clients trust the CA through {@link #certsDir()}, a
 *       Docker-style {@code certs.d/<host:port>/ca.crt} directory;</li>
 *   <li>{@link #withTokenAuth()}: HTTP with distribution's token auth, tokens from a {@link TokenService} (a declared
 *       test double of Docker Hub's auth service) that the registry trusts through its {@code rootcertbundle}.</li>
 * </ul>
 */
public final class LocalRegistry implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    /** The user the secured flavours know. */
    public static final Credentials USER = new Credentials("gantry", "test-s3cret");
    /** The service name the token flavour's registry and token service agree on. */
    public static final String TOKEN_SERVICE_NAME = "gantry-test-registry";

    private static final Path BINARY = Path.of("/usr/bin/docker-registry");

    /** How clients must reach and authenticate to the registry. */
    public enum Security { PLAIN, HTTPS_BASIC, TOKEN }

    private final Security security;
    private Path directory;
    private Process process;
    private int port;
    private @Nullable TestCertificates certificates;
    private @Nullable TokenService tokens;

    /** A plain registry: HTTP, no auth. */
    public LocalRegistry() {
        this(Security.PLAIN);
    }

    private LocalRegistry(Security security) {
        this.security = security;
    }

    public static LocalRegistry httpsWithBasicAuth() {
        return new LocalRegistry(Security.HTTPS_BASIC);
    }

    public static LocalRegistry withTokenAuth() {
        return new LocalRegistry(Security.TOKEN);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    /** Starts the registry (and its token service) and waits until it answers. */
    public LocalRegistry start() throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: apt-get install docker-registry");
        }
        directory = Files.createTempDirectory("gantry-registry-");
        port = freePort();
        List<String> config = new ArrayList<>(List.of(
                "version: 0.1",
                "log:",
                "  level: error",
                "  accesslog:",
                "    disabled: true",
                "storage:",
                "  filesystem:",
                "    rootdirectory: " + storage(),
                "  delete:",
                "    enabled: true",
                "http:",
                "  addr: " + host()));
        switch (security) {
            case PLAIN -> { }
            case HTTPS_BASIC -> config.addAll(httpsAndBasicAuth());
            case TOKEN -> config.addAll(tokenAuth());
        }
        Path file = Files.writeString(directory.resolve("config.yml"), String.join("\n", config) + "\n");
        process = new ProcessBuilder(BINARY.toString(), "serve", file.toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("registry.log").toFile())
                .start();
        awaitReady();
        return this;
    }

    private List<String> httpsAndBasicAuth() throws IOException, InterruptedException {
        certificates = TestCertificates.createCa(directory.resolve("pki"));
        TestCertificates.Issued server = certificates.server("registry", "127.0.0.1");
        Path certs = Files.createDirectories(certsDir().resolve(host()));
        Files.copy(certificates.caCertificate(), certs.resolve("ca.crt"));
        Path htpasswd = Files.writeString(directory.resolve("htpasswd"),
                USER.username() + ":" + BCrypt.hashpw(USER.password(), BCrypt.gensalt(10)) + "\n");
        return List.of(
                "  tls:",
                "    certificate: " + server.certificate(),
                "    key: " + server.key(),
                "auth:",
                "  htpasswd:",
                "    realm: gantry-test-registry",
                "    path: " + htpasswd);
    }

    private List<String> tokenAuth() throws IOException, InterruptedException {
        certificates = TestCertificates.createCa(directory.resolve("pki"));
        tokens = TokenService.start(TOKEN_SERVICE_NAME, USER, certificates.tokenSigner("token-signer"));
        return List.of(
                "auth:",
                "  token:",
                "    realm: " + tokens.realm(),
                "    service: " + TOKEN_SERVICE_NAME,
                "    issuer: " + TokenService.ISSUER,
                "    rootcertbundle: " + certificates.caCertificate());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            process = null;
        }
        if (tokens != null) {
            tokens.close();
            tokens = null;
        }
        if (directory != null) {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
            directory = null;
        }
    }

    public Security security() {
        return security;
    }

    /** {@code 127.0.0.1:<port>}, as image references name it. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    /** What a client must be allowed to contact: the registry, and the token service of the token flavour. */
    public Set<String> hosts() {
        return tokens == null ? Set.of(host()) : Set.of(host(), tokens.host());
    }

    /** The credentials this registry wants, or null for the plain flavour. */
    public @Nullable Credentials credentials() {
        return security == Security.PLAIN ? null : USER;
    }

    /**
     * A Docker-style per-registry CA directory ({@code <dir>/127.0.0.1:<port>/ca.crt}); it holds the test CA for the
     * HTTPS flavour and nothing for the others.
     */
    public Path certsDir() {
        return directory.resolve("certs.d");
    }

    /** The token service of the token flavour. */
    public TokenService tokenService() {
        if (tokens == null) {
            throw new IllegalStateException("a " + security + " registry has no token service");
        }
        return tokens;
    }

    /** The registry's filesystem storage root. */
    public Path storage() {
        return directory.resolve("storage");
    }

    /** Where the registry keeps the blob {@code hex} (distribution's filesystem layout). */
    public Path blobData(String hex) {
        return storage().resolve("docker/registry/v2/blobs/sha256/" + hex.substring(0, 2) + "/" + hex + "/data");
    }

    @Override
    public String toString() {
        return security + " registry " + host();
    }

    /** Waits for {@code GET /v2/} to answer: 200 without auth, 401 with. */
    private void awaitReady() throws IOException, InterruptedException {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500));
        if (certificates != null && security == Security.HTTPS_BASIC) {
            builder.sslContext(certificates.trustingContext());
        }
        HttpClient client = builder.build();
        URI ping = URI.create((security == Security.HTTPS_BASIC ? "https://" : "http://") + host() + "/v2/");
        int expected = security == Security.PLAIN ? 200 : 401;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("docker-registry exited: " + Files.readString(directory.resolve("registry.log")));
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(ping).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == expected) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("docker-registry did not answer on " + ping + ": "
                + Files.readString(directory.resolve("registry.log")));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
