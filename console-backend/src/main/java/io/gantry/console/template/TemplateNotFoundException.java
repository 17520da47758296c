package io.gantry.console.template;

import io.gantry.console.errors.ConsoleException;

/** No template has the given id (or it was deleted meanwhile). */
public final class TemplateNotFoundException extends ConsoleException {

    public TemplateNotFoundException(String id) {
        super("There is no template " + id + ".");
    }
}
