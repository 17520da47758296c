package io.gantry.console.network;

import io.gantry.console.errors.ConsoleException;

/** A network cannot be made as asked: a malformed name, or one that is taken. */
public class InvalidNetworkException extends ConsoleException {

    public InvalidNetworkException(String message) {
        super(message);
    }
}
