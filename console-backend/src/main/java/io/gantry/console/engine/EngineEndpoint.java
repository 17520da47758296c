package io.gantry.console.engine;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where the console's engine listens, and whether it is the console's own (embedded) engine.
 *
 * @param socket the Engine API's unix socket
 */
public record EngineEndpoint(Path socket, boolean embedded) {

    /** Parses {@code unix:///path/to/socket}, the form {@code DOCKER_HOST} and {@code ./gantry up --engine} use. */
    public static EngineEndpoint parse(String url) {
        URI uri = URI.create(url);
        if (!"unix".equals(uri.getScheme()) || uri.getPath() == null || uri.getPath().isEmpty()) {
            throw new IllegalArgumentException("an engine address must look like unix:///run/docker.sock, not " + url);
        }
        return new EngineEndpoint(Path.of(uri.getPath()), false);
    }

    public String url() {
        return "unix://" + socket;
    }
}
