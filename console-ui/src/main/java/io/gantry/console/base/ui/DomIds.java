package io.gantry.console.base.ui;

import java.util.Locale;

/** Stable element ids from names users choose: {@code library/busybox:latest} becomes {@code library-busybox-latest}. */
public final class DomIds {

    private DomIds() {
    }

    public static String of(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-");
    }
}
