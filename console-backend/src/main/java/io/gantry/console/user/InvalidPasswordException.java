package io.gantry.console.user;

import io.gantry.console.errors.ConsoleException;

/** A new password or account that the rules refuse; the message says which rule. */
public final class InvalidPasswordException extends ConsoleException {

    public InvalidPasswordException(String message) {
        super(message);
    }
}
