package io.gantry.console.search;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The words of a query, matched case-insensitively as parts of a text: every word must occur. */
record QueryWords(List<String> words) {

    QueryWords {
        words = List.copyOf(words);
    }

    static QueryWords of(String query) {
        return new QueryWords(Stream.of(query.toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isBlank()).toList());
    }

    boolean isBlank() {
        return words.isEmpty();
    }

    boolean matches(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return words.stream().allMatch(lower::contains);
    }
}
