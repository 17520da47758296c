package io.gantry.console.user;

import java.time.Instant;

/** A console account as the rest of the console sees it: never with its password hash. */
public record Account(String username, Instant createdAt) {
}
