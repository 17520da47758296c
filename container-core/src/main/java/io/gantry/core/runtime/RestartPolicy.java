package io.gantry.core.runtime;

import io.gantry.core.errors.InvalidArgumentException;
import java.time.Duration;
import java.util.Locale;

/**
 * Docker's restart policy, enforced by the engine (not the shim): {@code no}, {@code on-failure[:N]},
 * {@code always}, {@code unless-stopped}.
 *
 * @param mode       when to restart
 * @param maxRetries for {@code on-failure}: at most this many restarts, 0 meaning unbounded; else 0
 */
public record RestartPolicy(Mode mode, int maxRetries) {

    public enum Mode { NO, ON_FAILURE, ALWAYS, UNLESS_STOPPED }

    /** The first delay; each quick restart in a row doubles it, up to {@link #MAX_DELAY}. */
    static final Duration FIRST_DELAY = Duration.ofMillis(100);
    static final Duration MAX_DELAY = Duration.ofMinutes(1);
    /** A run that lasted this long resets the delay, as Docker's restart manager does. */
    static final Duration RESET_AFTER = Duration.ofSeconds(10);

    public RestartPolicy {
        if (maxRetries < 0 || (maxRetries > 0 && mode != Mode.ON_FAILURE)) {
            throw new IllegalArgumentException("a retry count applies to on-failure only, and is not negative");
        }
    }

    public static RestartPolicy no() {
        return new RestartPolicy(Mode.NO, 0);
    }

    /** Parses Docker's {@code --restart} value; empty means {@code no}. */
    public static RestartPolicy parse(String value) {
        String[] f = value.strip().split(":", 2);
        String name = f[0].toLowerCase(Locale.ROOT);
        if (f.length == 2 && !name.equals("on-failure")) {
            throw new InvalidArgumentException("restart policy " + value + ": only on-failure takes a retry count");
        }
        return switch (name) {
            case "", "no" -> no();
            case "always" -> new RestartPolicy(Mode.ALWAYS, 0);
            case "unless-stopped" -> new RestartPolicy(Mode.UNLESS_STOPPED, 0);
            case "on-failure" -> new RestartPolicy(Mode.ON_FAILURE, f.length == 2 ? retries(value, f[1]) : 0);
            default -> throw new InvalidArgumentException("restart policy " + value + ": unknown");
        };
    }

    private static int retries(String value, String count) {
        try {
            int n = Integer.parseInt(count);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidArgumentException("restart policy " + value + ": the retry count must be a number >= 0");
    }

    /**
     * Whether a container that just exited with {@code exitCode}, after {@code restarts} restarts so far, is
     * started again. A container the user stopped is not (Docker's "manually stopped").
     */
    public boolean restartsAfterExit(int exitCode, int restarts, boolean manuallyStopped) {
        if (manuallyStopped) {
            return false;
        }
        return switch (mode) {
            case NO -> false;
            case ON_FAILURE -> exitCode != 0 && (maxRetries == 0 || restarts < maxRetries);
            case ALWAYS, UNLESS_STOPPED -> true;
        };
    }

    /** Whether a new engine starts this exited container: {@code always} does even when stopped by the user. */
    boolean restartsOnEngineStart(int exitCode, int restarts, boolean manuallyStopped) {
        return mode == Mode.ALWAYS || restartsAfterExit(exitCode, restarts, manuallyStopped);
    }

    /** The delay before the {@code n}-th quick restart in a row (0-based): 100 ms, 200 ms, 400 ms, … 1 min. */
    static Duration delay(int n) {
        long ms = FIRST_DELAY.toMillis() << Math.min(n, 20);
        return Duration.ofMillis(Math.min(ms, MAX_DELAY.toMillis()));
    }

    @Override
    public String toString() {
        return switch (mode) {
            case NO -> "no";
            case ON_FAILURE -> maxRetries == 0 ? "on-failure" : "on-failure:" + maxRetries;
            case ALWAYS -> "always";
            case UNLESS_STOPPED -> "unless-stopped";
        };
    }
}
