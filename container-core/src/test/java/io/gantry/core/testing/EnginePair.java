package io.gantry.core.testing;

import io.gantry.core.registry.LocalRegistry;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gantry's engine and Debian's dockerd side by side for one test class, each with busybox from the same loopback
 * registry ({@code @RegisterExtension static final EnginePair ENGINES = new EnginePair();}): for tests that ask both
 * the same things and compare. Everything is stopped and removed after the class.
 */
public final class EnginePair implements BeforeAllCallback, AfterAllCallback {

    private final LocalRegistry registry = new LocalRegistry();
    private ApiEngine gantry;
    private ApiEngine dockerd;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        registry.beforeAll(context);
        ApiEngine.pushBusybox(registry);
        gantry = ApiEngine.gantry(registry);
        dockerd = ApiEngine.dockerd(registry);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try (ApiEngine g = gantry; ApiEngine d = dockerd) {
            // both closed, even if one fails
        } finally {
            registry.afterAll(context);
        }
    }

    public ApiEngine gantry() {
        return gantry;
    }

    public ApiEngine dockerd() {
        return dockerd;
    }

    /** {@code gantry} or {@code dockerd}, as parameterised tests name them. */
    public ApiEngine named(String name) {
        return switch (name) {
            case "gantry" -> gantry;
            case "dockerd" -> dockerd;
            default -> throw new IllegalArgumentException("no engine named " + name);
        };
    }

    public LocalRegistry registry() {
        return registry;
    }
}
