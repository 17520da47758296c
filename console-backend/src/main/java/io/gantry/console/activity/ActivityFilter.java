package io.gantry.console.activity;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Which entries to show.
 *
 * @param text    matched, ignoring case, against the actor, action, target and detail; blank for all
 * @param source  only this source; null for all
 * @param since   only entries at or after this time; null for all
 */
public record ActivityFilter(String text, @Nullable ActivitySource source, @Nullable Instant since) {

    public static final ActivityFilter ALL = new ActivityFilter("", null, null);

    public ActivityFilter {
        text = text.strip().toLowerCase(Locale.ROOT);
    }
}
