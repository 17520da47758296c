package io.gantry.console.user;

import io.gantry.console.errors.ConsoleException;

/** A login that did not succeed; the message is safe to show and does not say whether the user name exists. */
public class LoginRejectedException extends ConsoleException {

    public LoginRejectedException(String message) {
        super(message);
    }
}
