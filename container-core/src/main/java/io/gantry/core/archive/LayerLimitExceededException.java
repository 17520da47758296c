package io.gantry.core.archive;

import java.io.IOException;

/** A layer holds more bytes or entries than {@link ExtractionLimits} allow; nothing past the limit was written. */
public final class LayerLimitExceededException extends IOException {

    private static final long serialVersionUID = 1L;

    public LayerLimitExceededException(String message) {
        super(message);
    }
}
