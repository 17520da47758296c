package io.gantry.console.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** POSIX-shell-style words, as Panamax's {@code command} string and Compose's string form are written. */
public final class Shell {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./${}-]+");

    private Shell() {
    }

    /** Splits into words; single quotes are literal, double quotes and backslashes escape as in sh. */
    public static List<String> split(String line, String where) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                inWord = true;
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new TemplateFormatException(where + ": the quote " + quote + " is never closed in: "
                    + YamlValues.abbreviate(line));
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Joins words so that {@link #split} gives them back, quoting only where needed. */
    public static String join(List<String> words) {
        List<String> quoted = new ArrayList<>();
        for (String word : words) {
            if (!word.isEmpty() && SAFE.matcher(word).matches()) {
                quoted.add(word);
            } else {
                quoted.add("'" + word.replace("'", "'\"'\"'") + "'");
            }
        }
        return String.join(" ", quoted);
    }
}
