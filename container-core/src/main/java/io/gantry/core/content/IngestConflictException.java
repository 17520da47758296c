package io.gantry.core.content;

/** Another writer holds the same ingest ref. */
public final class IngestConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IngestConflictException(String message) {
        super(message);
    }
}
