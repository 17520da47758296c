package io.gantry.core.runtime;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which log entries to read (Docker's logs options; {@code timestamps} is the caller's formatting, every entry
 * carries its time).
 *
 * @param since  only entries at or after this time, or all
 * @param until  only entries before this time, or all
 * @param tail   only the last this many of the entries that match, or -1 for all
 * @param follow keep reading new entries until the container's run ends
 */
public record LogQuery(@Nullable Instant since, @Nullable Instant until, int tail, boolean follow) {

    public LogQuery {
        if (tail < -1) {
            throw new IllegalArgumentException("tail must be -1 (all) or a count");
        }
    }

    public static LogQuery all() {
        return new LogQuery(null, null, -1, false);
    }

    boolean matches(LogEntry e) {
        Instant t = Instant.parse(e.time());
        return (since == null || !t.isBefore(since)) && (until == null || t.isBefore(until));
    }
}
