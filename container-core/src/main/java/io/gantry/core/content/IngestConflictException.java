package io.gantry.core.content;

import io.gantry.core.errors.ConflictException;

/** Another writer holds the same ingest ref. */
public final class IngestConflictException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public IngestConflictException(String message) {
        super(message);
    }
}
