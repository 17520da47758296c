package io.gantry.core.network;

/** How a container is networked, as Docker's {@code --network}: a bridge network, no network, or the host's. */
public enum NetworkMode {
    /** Its own namespace, a veth into a bridge network, NAT for published ports and outbound traffic. */
    BRIDGE,
    /** Its own namespace with only {@code lo}. */
    NONE,
    /** The engine's own network namespace; published ports do not apply. */
    HOST
}
