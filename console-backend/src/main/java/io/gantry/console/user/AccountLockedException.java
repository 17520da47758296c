package io.gantry.console.user;

import java.time.Duration;

/** A login refused because the account is locked after repeated failures. */
public final class AccountLockedException extends LoginRejectedException {

    private final Duration retryAfter;

    AccountLockedException(Duration retryAfter) {
        super("Account locked after too many failed logins. Try again in " + describe(retryAfter) + ".");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    private static String describe(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        return seconds < 120 ? seconds + " s" : (seconds + 59) / 60 + " min";
    }
}
