package io.gantry.console.app;

import io.gantry.console.errors.ConsoleException;

/** Other work on the application (a deployment, an edit, a recreation, a removal) has not finished yet. */
public final class ApplicationBusyException extends ConsoleException {

    public ApplicationBusyException(String message) {
        super(message);
    }
}
