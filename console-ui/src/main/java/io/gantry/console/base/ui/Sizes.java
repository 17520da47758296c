package io.gantry.console.base.ui;

/** Byte counts as people read them. */
public final class Sizes {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Sizes() {
    }

    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, UNITS[unit]);
    }

    /** A rate such as {@code 12 KiB/s}. */
    public static String perSecond(double bytes) {
        return human(Math.round(bytes)) + "/s";
    }

    /** A percentage such as {@code 7.5 %} or {@code 42 %}. */
    public static String percent(double value) {
        return String.format(java.util.Locale.ROOT, value < 10 ? "%.1f %%" : "%.0f %%", value);
    }
}
