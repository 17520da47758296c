package io.gantry.console.container;

import io.gantry.console.errors.ConsoleException;

/** The "New container" form asks for something that cannot be (a malformed environment entry, a negative limit). */
public class InvalidContainerException extends ConsoleException {

    public InvalidContainerException(String message) {
        super(message);
    }
}
