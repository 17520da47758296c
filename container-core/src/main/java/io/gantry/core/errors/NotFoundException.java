package io.gantry.core.errors;

import org.jspecify.annotations.Nullable;

/** The named object does not exist. */
public class NotFoundException extends EngineException {

    public NotFoundException(String message) {
        this(message, null);
    }

    public NotFoundException(String message, @Nullable Throwable cause) {
        super(Kind.NOT_FOUND, message, cause);
    }
}
