package io.gantry.core.content;

import io.gantry.core.errors.FailedPreconditionException;

/**
 * Written content did not match the digest or size it was announced with. A failed precondition, never retried
 * silently: the message names the expected and the actual digest and size.
 */
public final class DigestMismatchException extends FailedPreconditionException {

    private static final long serialVersionUID = 1L;

    private final Digest expected;

    public DigestMismatchException(String message, Digest expected) {
        super(message);
        this.expected = expected;
    }

    /** The digest the content was announced with. */
    public Digest expected() {
        return expected;
    }
}
