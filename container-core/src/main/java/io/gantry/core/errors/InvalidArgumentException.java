package io.gantry.core.errors;

import org.jspecify.annotations.Nullable;

/** The request itself is wrong (a malformed value, a forbidden path). */
public class InvalidArgumentException extends EngineException {

    public InvalidArgumentException(String message) {
        this(message, null);
    }

    public InvalidArgumentException(String message, @Nullable Throwable cause) {
        super(Kind.INVALID_ARGUMENT, message, cause);
    }
}
