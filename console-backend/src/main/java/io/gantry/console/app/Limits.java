package io.gantry.console.app;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The memory and CPU limits of a service, kept as the template writes them ({@code 512m}, {@code 0.5}) and checked
 * here, so that what is saved as a template reads the same.
 *
 * @param memory a size with Docker's binary units {@code b}, {@code k}, {@code m}, {@code g} (none means bytes),
 *               or null for no limit
 * @param cpus   a number of CPUs, e.g. {@code 1.5}, or null for no limit
 */
public record Limits(@Nullable String memory, @Nullable String cpus) {

    private static final Pattern SIZE = Pattern.compile("([0-9]{1,15})\\s*([bkmg]?)b?", Pattern.CASE_INSENSITIVE);
    private static final Pattern CPUS = Pattern.compile("[0-9]{1,4}(\\.[0-9]{1,9})?");

    public static final Limits NONE = new Limits(null, null);

    public Limits {
        memory = blankToNull(memory);
        cpus = blankToNull(cpus);
        if (memory != null && !SIZE.matcher(memory).matches()) {
            throw new IllegalArgumentException("the memory limit " + memory + " is not a size like 512m or 2g");
        }
        if (cpus != null && (!CPUS.matcher(cpus).matches() || new BigDecimal(cpus).signum() == 0)) {
            throw new IllegalArgumentException("the CPU limit " + cpus + " is not a positive number like 0.5");
        }
    }

    /** Docker's {@code HostConfig.Memory}: the limit in bytes, or null. */
    public @Nullable Long memoryBytes() {
        if (memory == null) {
            return null;
        }
        Matcher m = SIZE.matcher(memory);
        m.matches();
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        return Long.parseLong(m.group(1)) << shift;
    }

    /** Docker's {@code HostConfig.NanoCpus}: CPUs in units of 10<sup>-9</sup>, or null. */
    public @Nullable Long nanoCpus() {
        return cpus == null ? null : new BigDecimal(cpus).movePointRight(9).longValueExact();
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
