package io.gantry.console.testing;

import io.gantry.core.registry.LocalRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A browser journey on a fresh packaged console whose engine pulls docker.io images (busybox among them) from a
 * loopback registry and contacts no other: the registry runs for the test class, the console for each test, and
 * both are removed with everything they made.
 */
public abstract class MirroredConsoleJourney {

    @RegisterExtension
    protected static final LocalRegistry REGISTRY = new LocalRegistry();

    protected MirroredConsole console;
    protected Browser browser;

    @BeforeAll
    static void pushBusybox() throws Exception {
        TestRegistryImages.pushBusybox(REGISTRY.host());
    }

    @BeforeEach
    void startConsole() throws Exception {
        console = MirroredConsole.start(getClass().getSimpleName(), REGISTRY.host(), consoleArguments());
        browser = console.browser();
    }

    @AfterEach
    void closeConsole() throws Exception {
        console.close();
    }

    /** More console settings for the journey, e.g. {@code --gantry.index-url=...}. */
    protected String[] consoleArguments() {
        return new String[0];
    }

    /** A host port nothing listens on now. */
    protected static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
