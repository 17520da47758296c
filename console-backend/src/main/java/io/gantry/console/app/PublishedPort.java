package io.gantry.console.app;

import java.util.Objects;

/**
 * A container port as the engine published it on the host (the host port it chose, when the template let it).
 *
 * @param hostIp the bound host address; {@code 0.0.0.0} or empty for every address
 */
public record PublishedPort(int containerPort, String protocol, String hostIp, int hostPort) {

    public PublishedPort {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(hostIp, "hostIp");
    }

    /** Whether a browser may open it: TCP. */
    public boolean isTcp() {
        return protocol.equals("tcp");
    }
}
