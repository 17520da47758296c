package io.gantry.core.registry;

import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * A registry's pull rate limit as Docker Hub reports it on manifest responses: {@code ratelimit-limit: 100;w=21600},
 * {@code ratelimit-remaining: 76;w=21600}, {@code docker-ratelimit-source: <ip>}. Absent headers mean no limit. The
 * numbers change over time, so they are read, never assumed.
 *
 * @param limit         pulls allowed per window
 * @param remaining     pulls left in the current window
 * @param windowSeconds the window's length
 * @param source        what the limit is counted against (an address or account), or empty
 */
public record RateLimit(long limit, long remaining, long windowSeconds, String source) {

    /** The limit the response's headers report, if any (and if they parse). */
    static Optional<RateLimit> from(HttpHeaders headers) {
        Optional<String> limit = headers.firstValue("ratelimit-limit");
        Optional<String> remaining = headers.firstValue("ratelimit-remaining");
        if (limit.isEmpty() || remaining.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RateLimit(count(limit.get()), count(remaining.get()), window(limit.get()),
                    headers.firstValue("docker-ratelimit-source").orElse("")));
        } catch (NumberFormatException malformed) {
            return Optional.empty();
        }
    }

    private static long count(String header) {
        int semicolon = header.indexOf(';');
        return Long.parseLong((semicolon < 0 ? header : header.substring(0, semicolon)).trim());
    }

    private static long window(String header) {
        for (String part : header.split(";")) {
            String trimmed = part.trim();
            if (trimmed.startsWith("w=")) {
                return Long.parseLong(trimmed.substring(2));
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return remaining + " of " + limit + " pulls left" + (windowSeconds > 0 ? " per " + windowSeconds + " s" : "")
                + (source.isEmpty() ? "" : " for " + source);
    }
}
