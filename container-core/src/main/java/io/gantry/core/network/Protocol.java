package io.gantry.core.network;

import io.gantry.core.errors.InvalidArgumentException;
import java.util.Locale;

/** The transport protocols a port can be exposed or published with. */
public enum Protocol {
    TCP, UDP;

    /** Parses {@code tcp}/{@code udp} in any case. */
    public static Protocol parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "tcp" -> TCP;
            case "udp" -> UDP;
            default -> throw new InvalidArgumentException("unsupported protocol " + s + " (tcp or udp)");
        };
    }

    /** The lower-case name Docker prints ({@code tcp}). */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
