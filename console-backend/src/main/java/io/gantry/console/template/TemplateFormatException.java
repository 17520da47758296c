package io.gantry.console.template;

import io.gantry.console.errors.ConsoleException;

/** A file that cannot be read as a template: not YAML, over a limit, or a field of the wrong shape. */
public final class TemplateFormatException extends ConsoleException {

    public TemplateFormatException(String message) {
        super(message);
    }

    public TemplateFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
