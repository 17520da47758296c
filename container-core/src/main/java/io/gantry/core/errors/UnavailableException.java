package io.gantry.core.errors;

import org.jspecify.annotations.Nullable;

/** A resource the operation needs cannot be reached now. */
public class UnavailableException extends EngineException {

    public UnavailableException(String message) {
        this(message, null);
    }

    public UnavailableException(String message, @Nullable Throwable cause) {
        super(Kind.UNAVAILABLE, message, cause);
    }
}
