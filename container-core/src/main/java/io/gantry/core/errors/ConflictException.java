package io.gantry.core.errors;

import org.jspecify.annotations.Nullable;

/** The object exists or is in a state that forbids the operation (a running container, a name in use). */
public class ConflictException extends EngineException {

    public ConflictException(String message) {
        this(message, null);
    }

    public ConflictException(String message, @Nullable Throwable cause) {
        super(Kind.CONFLICT, message, cause);
    }
}
