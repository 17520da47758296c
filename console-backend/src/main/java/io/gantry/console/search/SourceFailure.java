package io.gantry.console.search;

import java.util.Objects;

/** A source that could not answer, and why, as one line for the page. */
public record SourceFailure(String source, String message) {

    public SourceFailure {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
    }
}
