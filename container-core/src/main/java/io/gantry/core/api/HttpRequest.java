package io.gantry.core.api;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as a handler sees it: the path without its {@code /v1.xx} prefix, the version the client asked for
 * (the current one when the path had none), decoded query parameters, headers by case-insensitive name, and the body
 * as a stream bounded by its length or chunking.
 */
record HttpRequest(String method, String path, ApiVersion version, Map<String, List<String>> query,
        Map<String, String> headers, InputStream body) {

    Optional<String> query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Docker's boolean query parameters: {@code 1}, {@code true} (any case) are true; absent is the default. */
    boolean flag(String name, boolean absent) {
        return query(name).map(v -> v.equals("1") || v.equalsIgnoreCase("true")).orElse(absent);
    }

    /**
     * A time parameter as Docker clients send it: Unix seconds with an optional fraction (the CLI turns "10m" into
     * one itself); empty and {@code 0} mean "not given".
     */
    Optional<Instant> time(String name) {
        Optional<String> raw = query(name).filter(s -> !s.isBlank() && !s.equals("0"));
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            BigDecimal seconds = new BigDecimal(raw.get());
            long whole = seconds.longValue();
            return Optional.of(Instant.ofEpochSecond(whole,
                    seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue()));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ApiException(400, "invalid value for " + name + ": " + raw.get());
        }
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }
}
