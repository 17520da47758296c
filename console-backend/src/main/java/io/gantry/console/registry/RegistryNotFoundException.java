package io.gantry.console.registry;

import io.gantry.console.errors.ConsoleException;

public final class RegistryNotFoundException extends ConsoleException {

    public RegistryNotFoundException(long id) {
        super("There is no registry " + id + ".");
    }
}
