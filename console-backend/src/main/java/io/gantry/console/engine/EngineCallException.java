package io.gantry.console.engine;

import io.gantry.console.errors.ConsoleException;

/** The engine answered with an error; the message is the engine's own, as the docker CLI would print it. */
public class EngineCallException extends ConsoleException {

    private final int status;

    public EngineCallException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status: 404 for a missing object, 409 for a conflict, 400 for a bad request, 500 otherwise. */
    public int status() {
        return status;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
