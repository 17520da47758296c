package io.gantry.core.errors;

import org.jspecify.annotations.Nullable;

/** The system is not in a state the operation needs (a digest mismatch, a container that failed to start). */
public class FailedPreconditionException extends EngineException {

    public FailedPreconditionException(String message) {
        this(message, null);
    }

    public FailedPreconditionException(String message, @Nullable Throwable cause) {
        super(Kind.FAILED_PRECONDITION, message, cause);
    }
}
