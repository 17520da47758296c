package io.gantry.console.errors;

/**
 * An error whose message can be shown to a user as it is: it names what failed and why, never a stack trace.
 * Subclasses say what kind of failure it was so that the UI and the REST API can react to it.
 */
public class ConsoleException extends RuntimeException {

    public ConsoleException(String message) {
        super(message);
    }

    public ConsoleException(String message, Throwable cause) {
        super(message, cause);
    }
}
