package io.gantry.core.registry;

import io.gantry.core.errors.EngineException;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A registry operation failed; the message names the operation and the object ("pull 127.0.0.1:5000/app:1: manifest
 * latest: 404 MANIFEST_UNKNOWN …"). {@link #status()} is the HTTP status, 0 when none was received. The
 * {@link #kind()} follows the status: 404 not found, 400 invalid argument, 429 and 5xx (and I/O failures) unavailable,
 * anything else (401/403, content that failed verification) a failed precondition.
 */
public final class RegistryException extends EngineException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public RegistryException(String message, int status) {
        super(kindOf(status, null), message, null);
        this.status = status;
    }

    public RegistryException(String message, Throwable cause) {
        this(message, cause instanceof RegistryException r ? r.status : 0, cause);
    }

    public RegistryException(String message, int status, Throwable cause) {
        super(kindOf(status, cause), message, cause);
        this.status = status;
    }

    /** The HTTP status, or 0. */
    public int status() {
        return status;
    }

    private static Kind kindOf(int status, @Nullable Throwable cause) {
        if (status == 404) {
            return Kind.NOT_FOUND;
        }
        if (status == 400) {
            return Kind.INVALID_ARGUMENT;
        }
        if (status == 429 || status >= 500) {
            return Kind.UNAVAILABLE;
        }
        if (status == 0 && cause instanceof EngineException engine) {
            return engine.kind();
        }
        if (status == 0 && cause instanceof IOException) {
            return Kind.UNAVAILABLE;
        }
        return Kind.FAILED_PRECONDITION;
    }
}
