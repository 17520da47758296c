package io.gantry.console.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A registry's address as the user gives it, checked and normalised: {@code http} or {@code https}, a host, maybe a
 * port, no path, query or user info.
 *
 * @param url  the normalised address, without a trailing slash
 * @param host {@code host[:port]} as image references write it; Docker Hub's addresses are {@code docker.io}
 */
record RegistryAddress(String url, String host) {

    private static final java.util.Set<String> DOCKER_HUB = java.util.Set.of("docker.io", "index.docker.io",
            "registry-1.docker.io", "registry.hub.docker.com");

    static RegistryAddress parse(String text) {
        String trimmed = text.strip();
        URI uri;
        try {
            uri = new URI(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
        } catch (URISyntaxException e) {
            throw new InvalidRegistryException("The address " + text + " is not a URL like https://registry.example.com.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new InvalidRegistryException("The address " + text
                    + " must start with http:// or https:// and name a host, like https://registry.example.com.");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/v2")) {
            throw new InvalidRegistryException("The address " + text + " must be only scheme, host and port (no user, "
                    + "path or query): credentials have their own fields.");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        String url = scheme + "://" + host;
        return new RegistryAddress(url, DOCKER_HUB.contains(host) ? "docker.io" : host);
    }

    /**
     * The registry an image reference pulls from, as Docker reads it: the first part when it has a dot or a colon or
     * is {@code localhost}, else Docker Hub.
     */
    static String hostOf(String imageReference) {
        int slash = imageReference.indexOf('/');
        if (slash < 0) {
            return "docker.io";
        }
        String first = imageReference.substring(0, slash).toLowerCase(Locale.ROOT);
        boolean domain = first.contains(".") || first.contains(":") || first.equals("localhost");
        return domain ? (DOCKER_HUB.contains(first) ? "docker.io" : first) : "docker.io";
    }
}
