package io.gantry.console.image;

import io.gantry.console.errors.ConsoleException;

/** An image name or tag typed on the images page that cannot be one. */
public class InvalidImageReferenceException extends ConsoleException {

    public InvalidImageReferenceException(String message) {
        super(message);
    }
}
