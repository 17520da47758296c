package io.gantry.console.engine;

import io.gantry.core.api.types.NetworkResource;
import java.util.List;

/** The network endpoints of the Engine API. A network is named by its name or id. */
public interface NetworkCalls {

    /** {@code docker network ls}. */
    List<NetworkResource> listNetworks();

    NetworkResource inspectNetwork(String network);

    /** Creates a bridge network and returns its id; a name already taken is refused (409). */
    String createNetwork(String name);

    /** Removes a network; one that containers are still attached to is refused. */
    void removeNetwork(String network);

    /** Removes every network no container is attached to, but the engine's own ones; the names removed. */
    List<String> pruneNetworks();
}
