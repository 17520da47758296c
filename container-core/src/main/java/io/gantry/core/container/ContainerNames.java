package io.gantry.core.container;

import io.gantry.core.errors.InvalidArgumentException;
import java.security.SecureRandom;
import java.util.List;
import java.util.regex.Pattern;

/** Docker's container name rules, and generated names in Docker's adjective_noun style (word lists of our own). */
final class ContainerNames {

    private static final Pattern VALID = Pattern.compile("/?[a-zA-Z0-9][a-zA-Z0-9_.-]+");
    private static final List<String> ADJECTIVES = List.of("amber", "brave", "calm", "clever", "daring", "eager",
            "fancy", "gentle", "happy", "jolly", "keen", "lucid", "merry", "nimble", "proud", "quiet", "rapid", "sharp",
            "steady", "sunny", "swift", "tidy", "vivid", "witty", "zesty");
    private static final List<String> NOUNS = List.of("anchor", "barge", "beacon", "buoy", "cargo", "crane", "dock",
            "ferry", "gantry", "harbor", "hull", "jetty", "keel", "lighthouse", "mast", "pier", "quay", "rudder", "sail",
            "schooner", "tanker", "tugboat", "wharf", "winch", "yard");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ContainerNames() {
    }

    /** The name without Docker's optional leading slash; a clear error for an invalid one. */
    static String check(String name) {
        if (name.length() > 255 || !VALID.matcher(name).matches()) {
            throw new InvalidArgumentException("Invalid container name (" + name + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        }
        return name.startsWith("/") ? name.substring(1) : name;
    }

    static String generate() {
        return ADJECTIVES.get(RANDOM.nextInt(ADJECTIVES.size())) + "_" + NOUNS.get(RANDOM.nextInt(NOUNS.size()))
                + "_" + Integer.toString(RANDOM.nextInt(1000));
    }
}
