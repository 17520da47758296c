package io.gantry.core.registry;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * How the client may reach registries.
 *
 * @param configured     hosts ({@code host} or {@code host:port}) the engine is configured for: registries, their token
 *                       realms and blob hosts
 * @param configuredOnly when true, any URL whose host is not in {@code configured} is refused before a connection is
 *                       made; every test runs with it on, so nothing reaches for the internet
 * @param insecure       registries spoken to over plain HTTP; loopback hosts are always insecure, as in Docker
 * @param maxAttempts    attempts per request on server errors and I/O failures
 * @param backoff        the first wait between attempts, doubled each time
 */
public record RegistrySettings(Set<String> configured, boolean configuredOnly, Set<String> insecure, int maxAttempts,
                               Duration backoff) {

    public RegistrySettings {
        configured = Set.copyOf(configured);
        insecure = Set.copyOf(insecure);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
    }

    /** Docker's defaults: any registry, HTTPS except on loopback, 3 attempts from 500 ms. */
    public static RegistrySettings defaults() {
        return new RegistrySettings(Set.of(), false, Set.of(), 3, Duration.ofMillis(500));
    }

    /** Only the given hosts, with quick retries: what tests use. */
    public static RegistrySettings onlyConfigured(Set<String> hosts) {
        return new RegistrySettings(hosts, true, Set.of(), 3, Duration.ofMillis(20));
    }

    /** Whether {@code registry} is spoken to over plain HTTP. */
    boolean isInsecure(String registry) {
        String host = hostOf(registry);
        return insecure.contains(registry) || host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    /** Refuses a URI whose host is not configured, when {@link #configuredOnly} is on. */
    void checkAllowed(URI uri, String operation) {
        if (!configuredOnly) {
            return;
        }
        String hostPort = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        if (!configured.contains(hostPort) && !configured.contains(uri.getHost())) {
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
