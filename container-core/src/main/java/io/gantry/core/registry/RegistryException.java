package io.gantry.core.registry;

/**
 * A registry operation failed; the message names the operation and the object ("pull 127.0.0.1:5000/app:1: manifest
 * latest: 404 MANIFEST_UNKNOWN …"). {@link #status()} is the HTTP status, 0 when none was received.
 */
public final class RegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public RegistryException(String message, int status) {
        super(message);
        this.status = status;
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    public RegistryException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status, or 0. */
    public int status() {
        return status;
    }
}
