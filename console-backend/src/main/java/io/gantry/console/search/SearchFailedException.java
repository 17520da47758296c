package io.gantry.console.search;

import io.gantry.console.errors.ConsoleException;

/** A search step the user asked for (a tag list) could not be done; the message says where and why. */
public class SearchFailedException extends ConsoleException {

    public SearchFailedException(String message) {
        super(message);
    }

    public SearchFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
