package io.gantry.console.engine;

import java.time.Instant;

/**
 * One line of a container's log.
 *
 * @param time   when the container wrote it, as the engine recorded it
 * @param stderr whether it came on stderr (else stdout)
 * @param text   the line without its newline
 */
public record LogLine(Instant time, boolean stderr, String text) {
}
