package io.gantry.console.testing;

import io.gantry.core.instance.EngineInstance;
import io.gantry.core.network.NetworkConfig;
import io.gantry.core.network.NetworkService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a console's embedded engine leaves on the host by design, so that containers survive restarts (its bridges,
 * its nftables table, its run directory, {@code ip_forward}), removed after a browser test: a test leaves the host as
 * it found it.
 */
public final class EngineLeftovers {

    private static final Path IP_FORWARD = Path.of("/proc/sys/net/ipv4/ip_forward");

    private final Path dataRoot;
    private final String ipForward;

    private EngineLeftovers(Path dataRoot, String ipForward) {
        this.dataRoot = dataRoot;
        this.ipForward = ipForward;
    }

    /** Call before the console starts, to remember the host's state. */
    public static EngineLeftovers before(Path dataRoot) throws IOException {
        return new EngineLeftovers(dataRoot, Files.readString(IP_FORWARD));
    }

    /** Call after the console stopped and its containers were removed. */
    public void remove() throws IOException {
        EngineInstance instance = EngineInstance.forDataRoot(dataRoot);
        if (Files.isDirectory(dataRoot.resolve("network/networks"))) {
            NetworkService network = new NetworkService(instance, NetworkConfig.defaults());
            network.start();
            network.destroyAll();
        }
        TestFiles.deleteTree(instance.runDir());
        Files.writeString(IP_FORWARD, ipForward);
    }
}
