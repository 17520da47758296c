package io.gantry.console.template;

import io.gantry.console.errors.ConsoleException;
import java.util.List;

/** Required parameters were left empty; the message names each one (with its {@code :?} message if any). */
public final class MissingParameterException extends ConsoleException {

    private final List<String> keys;

    public MissingParameterException(List<String> keys, String message) {
        super(message);
        this.keys = List.copyOf(keys);
    }

    /** The keys of the parameters that are missing. */
    public List<String> keys() {
        return keys;
    }
}
