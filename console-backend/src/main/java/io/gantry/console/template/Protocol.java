package io.gantry.console.template;

import java.util.Locale;
import java.util.Optional;

/** The transport of a published port. */
public enum Protocol {
    TCP, UDP;

    /** Reads {@code tcp}, {@code TCP}, {@code udp} or {@code UDP}. */
    static Optional<Protocol> parse(String text) {
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "TCP" -> Optional.of(TCP);
            case "UDP" -> Optional.of(UDP);
            default -> Optional.empty();
        };
    }
}
