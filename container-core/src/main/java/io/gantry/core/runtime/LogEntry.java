package io.gantry.core.runtime;

/**
 * One record of a container's log, as Docker's json-file driver writes it.
 *
 * @param stream {@code stdout} or {@code stderr}
 * @param time   RFC 3339 with nanoseconds
 * @param text   the line, with its trailing newline if it had one
 */
public record LogEntry(String stream, String time, String text) {
}
