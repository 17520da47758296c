package io.gantry.console.app;

import io.gantry.console.errors.ConsoleException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A deployment that could not be carried out; what it had created is removed again. The message names the
 * application, the service that failed (when one did) and the cause, with the engine's own words.
 */
public final class DeployFailedException extends ConsoleException {

    private final @Nullable String service;

    DeployFailedException(String message, @Nullable String service, @Nullable Throwable cause) {
        super(message, cause);
        this.service = service;
    }

    /** The service that failed, or empty when the failure was the application's (its network, a volume). */
    public Optional<String> service() {
        return Optional.ofNullable(service);
    }
}
