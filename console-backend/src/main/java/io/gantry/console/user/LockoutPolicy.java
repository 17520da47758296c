package io.gantry.console.user;

import java.time.Duration;
import java.util.Optional;

/**
 * How long an account stays locked after failed logins in a row: nothing for the first four, 30 s at the fifth,
 * doubling with each further failure up to 15 minutes. Attempts made while locked are refused unchecked, so they
 * neither count nor reveal whether the password was right.
 */
final class LockoutPolicy {

    static final int FREE_ATTEMPTS = 5;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);

    private LockoutPolicy() {
    }

    static Optional<Duration> lockAfter(int failuresInARow) {
        if (failuresInARow < FREE_ATTEMPTS) {
            return Optional.empty();
        }
        int doublings = Math.min(failuresInARow - FREE_ATTEMPTS, 10);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return Optional.of(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
    }
}
