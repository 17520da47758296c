package io.gantry.console.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code ${NAME}}, {@code ${NAME:-default}} and {@code ${NAME:?message}} placeholders in template text (also without
 * the colon, as in sh). {@code $${} writes a literal {@code ${}; any other {@code $} is literal, because real
 * templates pass {@code $VAR} to the container's shell. Compose interpolates every {@code $}, so its files are
 * translated on the way in and out.
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\$\\$(?=\\{)|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");
    private static final Pattern COMPOSE =
            Pattern.compile("\\$\\$|\\$\\{([^}]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    /** One placeholder; {@code operator} is {@code -}, {@code :-}, {@code ?}, {@code :?} or null. */
    record Use(String name, @Nullable String operator, @Nullable String argument) {
        boolean requiredWithMessage() {
            return operator != null && operator.endsWith("?");
        }

        @Nullable String defaultValue() {
            return operator != null && operator.endsWith("-") ? argument : null;
        }
    }

    private Placeholders() {
    }

    static List<Use> find(@Nullable String text) {
        List<Use> uses = new ArrayList<>();
        if (text == null) {
            return uses;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                uses.add(new Use(m.group(1), m.group(2), m.group(3)));
            }
        }
        return uses;
    }

    /** Replaces each placeholder by what {@code value} says (which may throw) and {@code $${} by {@code ${}. */
    static String replace(String text, Function<Use, String> value) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(1) == null ? "$" : value.apply(new Use(m.group(1), m.group(2), m.group(3)));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Compose text to template text: {@code $$} becomes a literal {@code $}, {@code $VAR} becomes {@code ${VAR}}. */
    static String fromCompose(String text) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        Matcher m = COMPOSE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(0).equals("$$")) {
                replacement = text.startsWith("{", m.end()) ? "$$" : "$";
            } else if (m.group(2) != null) {
                replacement = "${" + m.group(2) + "}";
            } else {
                replacement = m.group(0);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Template text to Compose text: placeholders and {@code $${} stay, every literal {@code $} is doubled. */
    static String toCompose(String text) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(text.substring(last, m.start()).replace("$", "$$")).append(m.group(0));
            last = m.end();
        }
        out.append(text.substring(last).replace("$", "$$"));
        return out.toString();
    }

    /** Applies {@code convert} to every text scalar of a parsed YAML tree. */
    static @Nullable Object mapTexts(@Nullable Object tree, Function<String, String> convert) {
        if (tree instanceof String s) {
            return convert.apply(s);
        }
        if (tree instanceof List<?> list) {
            return list.stream().map(item -> mapTexts(item, convert)).toList();
        }
        if (tree instanceof Map<?, ?> map) {
            Map<Object, @Nullable Object> out = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, mapTexts(v, convert)));
            return out;
        }
        return tree;
    }
}
