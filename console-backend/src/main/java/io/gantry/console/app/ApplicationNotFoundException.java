package io.gantry.console.app;

import io.gantry.console.errors.ConsoleException;

/** No application has the given id (or it was removed meanwhile). */
public final class ApplicationNotFoundException extends ConsoleException {

    public ApplicationNotFoundException(long id) {
        super("There is no application " + id + ".");
    }
}
