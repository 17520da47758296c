package io.gantry.core.archive;

import java.io.IOException;

/** A layer entry would reach outside the layer directory; the whole layer is refused. */
public final class UnsafeArchiveException extends IOException {

    private static final long serialVersionUID = 1L;

    public UnsafeArchiveException(String message) {
        super(message);
    }
}
