/**
 * Console accounts: first-run admin setup, bcrypt passwords, login with lockout after repeated failures, password change.
 */
@NullMarked
package io.gantry.console.user;

import org.jspecify.annotations.NullMarked;
