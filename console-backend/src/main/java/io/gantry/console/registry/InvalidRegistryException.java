package io.gantry.console.registry;

import io.gantry.console.errors.ConsoleException;

/** A registry the console cannot keep as given: a bad address, a name or address taken, a user without password. */
public class InvalidRegistryException extends ConsoleException {

    public InvalidRegistryException(String message) {
        super(message);
    }
}
