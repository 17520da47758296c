package io.gantry.core.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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

    /** The largest JSON body the API reads: far above any real create request, far below what would strain memory. */
    static final int MAX_JSON_BODY = 4 << 20;

    /**
     * The whole body of a JSON request; a larger one than {@link #MAX_JSON_BODY} is refused with 413, from its
     * {@code Content-Length} before a byte is read when it has one.
     */
    byte[] jsonBody() throws IOException {
        long declared = header("Content-Length").map(v -> {
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                return -1L;
            }
        }).orElse(-1L);
        byte[] bytes = declared > MAX_JSON_BODY ? new byte[MAX_JSON_BODY + 1] : body.readNBytes(MAX_JSON_BODY + 1);
        if (bytes.length > MAX_JSON_BODY) {
            throw new ApiException(413, "request body too large: more than " + MAX_JSON_BODY + " bytes");
        }
        return bytes;
    }

    /** The JSON body read as {@code type}; an empty or {@code null} body is refused with 400 and {@code missing}. */
    <T> T jsonBody(ObjectMapper json, Class<T> type, String missing) throws IOException {
        byte[] bytes = jsonBody();
        T value = bytes.length == 0 ? null : json.readValue(bytes, type);
        if (value == null) {
            throw new ApiException(400, missing);
        }
        return value;
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }
}
