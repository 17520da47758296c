package io.gantry.core.container;

import io.gantry.core.errors.InvalidArgumentException;
import java.util.Locale;
import java.util.Map;

/** Signal names as Docker accepts them ({@code SIGTERM}, {@code TERM}, {@code 15}), for Linux x86-64 and arm64. */
public final class Signals {

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("HUP", 1), Map.entry("INT", 2), Map.entry("QUIT", 3), Map.entry("ILL", 4), Map.entry("TRAP", 5),
            Map.entry("ABRT", 6), Map.entry("IOT", 6), Map.entry("BUS", 7), Map.entry("FPE", 8), Map.entry("KILL", 9),
            Map.entry("USR1", 10), Map.entry("SEGV", 11), Map.entry("USR2", 12), Map.entry("PIPE", 13),
            Map.entry("ALRM", 14), Map.entry("TERM", 15), Map.entry("STKFLT", 16), Map.entry("CHLD", 17),
            Map.entry("CONT", 18), Map.entry("STOP", 19), Map.entry("TSTP", 20), Map.entry("TTIN", 21),
            Map.entry("TTOU", 22), Map.entry("URG", 23), Map.entry("XCPU", 24), Map.entry("XFSZ", 25),
            Map.entry("VTALRM", 26), Map.entry("PROF", 27), Map.entry("WINCH", 28), Map.entry("IO", 29),
            Map.entry("POLL", 29), Map.entry("PWR", 30), Map.entry("SYS", 31));

    private Signals() {
    }

    /** The signal's number; a clear error for a name Linux does not have. */
    public static int parse(String signal) {
        String name = signal.trim().toUpperCase(Locale.ROOT);
        if (name.matches("[0-9]{1,2}")) {
            int number = Integer.parseInt(name);
            if (number >= 1 && number <= 64) {
                return number;
            }
        }
        if (name.startsWith("SIG")) {
            name = name.substring(3);
        }
        if (name.startsWith("RTMIN+") || name.startsWith("RTMAX-")) {
            int offset = parseOffset(name.substring(6), signal);
            return name.startsWith("RTMIN") ? 34 + offset : 64 - offset;
        }
        Integer number = NUMBERS.get(name);
        if (number == null) {
            throw new InvalidArgumentException("invalid signal: " + signal);
        }
        return number;
    }

    private static int parseOffset(String text, String signal) {
        try {
            int offset = Integer.parseInt(text);
            if (offset >= 0 && offset <= 30) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new InvalidArgumentException("invalid signal: " + signal);
    }
}
