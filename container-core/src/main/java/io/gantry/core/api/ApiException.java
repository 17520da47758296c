package io.gantry.core.api;

/** A request the API refuses before reaching the engine (bad version, malformed body, unknown route). */
final class ApiException extends RuntimeException {

    private final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
