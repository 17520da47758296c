package io.gantry.console.engine;

import java.util.List;

/** Attaching running or created containers to networks, as {@code docker network connect/disconnect}. */
public interface NetworkAttachCalls {

    /** Attaches {@code container} to {@code network}, where the others also find it by {@code aliases}. */
    void connectNetwork(String network, String container, List<String> aliases);

    /** Detaches {@code container} from {@code network}; {@code force} also for a container that is not running. */
    void disconnectNetwork(String network, String container, boolean force);
}
