package io.gantry.console.volume;

import io.gantry.console.errors.ConsoleException;

/** A volume cannot be made as asked: a malformed name, or one that is taken. */
public class InvalidVolumeException extends ConsoleException {

    public InvalidVolumeException(String message) {
        super(message);
    }
}
