package io.gantry.console.engine;

import io.gantry.console.errors.ConsoleException;

/** No engine answers on the configured socket. */
public class EngineUnreachableException extends ConsoleException {

    public EngineUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
