package io.gantry.console.user;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A row of the users table, hash and lockout state included; it never leaves this package. */
record StoredAccount(long id, String username, String passwordHash, int failedLogins,
        @Nullable Instant lockedUntil, Instant createdAt) {

    Account toAccount() {
        return new Account(username, createdAt);
    }
}
