package io.gantry.core.registry;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How the client may reach registries.
 *
 * @param configured     hosts ({@code host} or {@code host:port}) the engine is configured for: registries, their token
 *                       realms and blob hosts, the search index
 * @param configuredOnly when true, any URL whose host is not configured is refused before a connection is made; every
 *                       test runs with it on, so nothing reaches for the internet. A registry with a CA directory under
 *                       {@code certsDir} counts as configured
 * @param insecure       registries spoken to over plain HTTP; loopback hosts are too (as in Docker), unless
 *                       {@code certsDir} holds a CA for them
 * @param maxAttempts    attempts per request on server errors and I/O failures
 * @param backoff        the first wait between attempts, doubled each time
 * @param certsDir       per-registry CA directories, Docker's {@code certs.d} layout ({@code <host:port>/*.crt}); null
 *                       for none
 * @param indexUrl       the Docker Hub index searched for images without a registry ({@code https://index.docker.io})
 */
public record RegistrySettings(Set<String> configured, boolean configuredOnly, Set<String> insecure, int maxAttempts,
                               Duration backoff, @Nullable Path certsDir, URI indexUrl) {

    /** Docker Hub's index: its search API is {@code /v1/search}. */
    public static final URI DOCKER_HUB_INDEX = URI.create("https://index.docker.io");

    public RegistrySettings {
        configured = Set.copyOf(configured);
        insecure = Set.copyOf(insecure);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (indexUrl.getHost() == null || !(indexUrl.getScheme().equals("http") || indexUrl.getScheme().equals("https"))) {
            throw new IllegalArgumentException("the index URL must be http(s)://host[:port], not " + indexUrl);
        }
    }

    public RegistrySettings(Set<String> configured, boolean configuredOnly, Set<String> insecure, int maxAttempts,
                            Duration backoff) {
        this(configured, configuredOnly, insecure, maxAttempts, backoff, null, DOCKER_HUB_INDEX);
    }

    /** Docker's defaults: any registry, HTTPS except on loopback, 3 attempts from 500 ms. */
    public static RegistrySettings defaults() {
        return new RegistrySettings(Set.of(), false, Set.of(), 3, Duration.ofMillis(500));
    }

    /** Only the given hosts, with quick retries: what tests use. */
    public static RegistrySettings onlyConfigured(Set<String> hosts) {
        return new RegistrySettings(hosts, true, Set.of(), 3, Duration.ofMillis(20));
    }

    /** The same, trusting the per-registry CAs under {@code directory}. */
    public RegistrySettings withCertsDir(@Nullable Path directory) {
        return new RegistrySettings(configured, configuredOnly, insecure, maxAttempts, backoff, directory, indexUrl);
    }

    /**
     * The same, searching {@code index} for unqualified terms. An index other than Docker Hub's is configured by being
     * named, so its host may be contacted.
     */
    public RegistrySettings withIndex(URI index) {
        Set<String> hosts = new java.util.HashSet<>(configured);
        if (!index.equals(DOCKER_HUB_INDEX)) {
            hosts.add(index.getPort() < 0 ? index.getHost() : index.getHost() + ":" + index.getPort());
        }
        return new RegistrySettings(hosts, configuredOnly, insecure, maxAttempts, backoff, certsDir, index);
    }

    /** Whether {@code registry} is spoken to over plain HTTP. */
    boolean isInsecure(String registry) {
        if (insecure.contains(registry)) {
            return true;
        }
        String host = hostOf(registry);
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
        return loopback && !hasCa(registry);
    }

    /** Whether the certs directory holds a CA directory for {@code hostPort}. */
    boolean hasCa(String hostPort) {
        Path directory = RegistryTrust.directoryOf(certsDir, hostPort);
        return directory != null && Files.isDirectory(directory);
    }

    /** Refuses a URI whose host is not configured, when {@link #configuredOnly} is on. */
    void checkAllowed(URI uri, String operation) {
        if (!configuredOnly) {
            return;
        }
        String hostPort = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        if (!configured.contains(hostPort) && !configured.contains(uri.getHost()) && !hasCa(hostPort)) {
            throw new RegistryException(operation + ": " + hostPort + " is not a configured registry and only configured "
                    + "registries may be contacted", 0);
        }
    }

    private static String hostOf(String registry) {
        if (registry.startsWith("[")) {
            return registry.substring(0, registry.indexOf(']') + 1);
        }
        int colon = registry.indexOf(':');
        return colon < 0 ? registry : registry.substring(0, colon);
    }
}
