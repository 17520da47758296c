package io.gantry.core.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The times Docker's {@code until} and {@code since} filters take, as the CLI passes them on unchanged: a Go duration
 * back from now ({@code 24h}, {@code 1h30m}, {@code 90s}), Unix seconds with an optional fraction, an RFC 3339 time,
 * or a local date-time or date ({@code 2024-05-01T10:00:00}, {@code 2024-05-01}).
 */
final class DockerTime {

    private static final Pattern DURATION = Pattern.compile("(?:[0-9]+(?:\\.[0-9]*)?(?:ns|us|µs|ms|s|m|h))+");
    private static final Pattern DURATION_PART = Pattern.compile("([0-9]+(?:\\.[0-9]*)?)(ns|us|µs|ms|s|m|h)");
    private static final Pattern UNIX = Pattern.compile("[0-9]+(?:\\.[0-9]{1,9})?");

    private DockerTime() {
    }

    static Instant parse(String value, Instant now) {
        String v = value.strip();
        if (DURATION.matcher(v).matches()) {
            return now.minus(duration(v));
        }
        if (UNIX.matcher(v).matches()) {
            BigDecimal seconds = new BigDecimal(v);
            long whole = seconds.longValue();
            return Instant.ofEpochSecond(whole, seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue());
        }
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ZoneId.systemDefault()).toInstant();
            }
            if (v.endsWith("Z") || v.matches(".*[+-][0-9]{2}:[0-9]{2}$")) {
                return OffsetDateTime.parse(v).toInstant();
            }
            return LocalDateTime.parse(v).atZone(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "failed to parse value as time or duration: \"" + value + "\"");
        }
    }

    private static Duration duration(String v) {
        Duration total = Duration.ZERO;
        Matcher part = DURATION_PART.matcher(v);
        while (part.find()) {
            BigDecimal amount = new BigDecimal(part.group(1));
            long nanosPerUnit = switch (part.group(2)) {
                case "ns" -> 1L;
                case "us", "µs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            total = total.plusNanos(amount.multiply(BigDecimal.valueOf(nanosPerUnit)).longValue());
        }
        return total;
    }
}
