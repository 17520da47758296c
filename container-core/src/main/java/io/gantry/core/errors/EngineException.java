package io.gantry.core.errors;

import org.jspecify.annotations.Nullable;

/** An engine operation failed; {@link #kind()} says how, the message says what and on which object. */
public class EngineException extends RuntimeException {

    /** How an operation failed, as far as a caller (and the Engine API) needs to tell failures apart. */
    public enum Kind { NOT_FOUND, CONFLICT, INVALID_ARGUMENT, FAILED_PRECONDITION, UNAVAILABLE, INTERNAL }

    private final Kind kind;

    public EngineException(Kind kind, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public EngineException(String message, @Nullable Throwable cause) {
        this(Kind.INTERNAL, message, cause);
    }

    public Kind kind() {
        return kind;
    }
}
