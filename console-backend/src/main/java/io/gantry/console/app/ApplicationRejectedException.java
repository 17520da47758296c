package io.gantry.console.app;

import io.gantry.console.errors.ConsoleException;

/**
 * An application (or an edit of one) that cannot be carried out as asked: services that depend on each other in a
 * cycle, an alias that names two services, a service that others still need. The message names the services.
 */
public final class ApplicationRejectedException extends ConsoleException {

    public ApplicationRejectedException(String message) {
        super(message);
    }
}
