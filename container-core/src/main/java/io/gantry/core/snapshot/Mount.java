package io.gantry.core.snapshot;

import java.util.List;

/**
 * A mount to perform, as {@code mount -t type -o options source target} would.
 *
 * @param type    filesystem type ({@code overlay}) or {@code bind}
 * @param source  device or directory
 * @param options mount data, in order ({@code lowerdir=…}, {@code upperdir=…})
 */
public record Mount(String type, String source, List<String> options) {

    public Mount {
        options = List.copyOf(options);
        if (type.isEmpty() || source.isEmpty()) {
            throw new IllegalArgumentException("a mount needs a type and a source");
        }
    }

    /** The options as one mount data string. */
    public String data() {
        return String.join(",", options);
    }
}
