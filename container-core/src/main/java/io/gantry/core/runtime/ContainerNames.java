package io.gantry.core.runtime;

import io.gantry.core.errors.ConflictException;
import io.gantry.core.errors.InvalidArgumentException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The names containers are known by: Docker's rules (unique, {@code [a-zA-Z0-9][a-zA-Z0-9_.-]+}). */
final class ContainerNames {

    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");

    private final Map<String, String> idsByName = new HashMap<>();

    /** {@code name} without Docker's optional leading {@code /}; throws if it is not a valid name. */
    static String normalise(String name) {
        String n = name.startsWith("/") ? name.substring(1) : name;
        if (!VALID.matcher(n).matches()) {
            throw new InvalidArgumentException("container name " + name + ": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        }
        return n;
    }

    /** Gives {@code name} to {@code id}; Conflict if another container holds it. The empty name is never held. */
    synchronized void reserve(String name, String id) {
        if (name.isEmpty()) {
            return;
        }
        String holder = idsByName.putIfAbsent(name, id);
        if (holder != null && !holder.equals(id)) {
            throw new ConflictException("container name /" + name + " is already in use by container " + holder
                    + ": remove or rename that container to reuse the name");
        }
    }

    /** Frees {@code name} if {@code id} holds it. */
    synchronized void release(String name, String id) {
        idsByName.remove(name, id);
    }

    synchronized Optional<String> idOf(String name) {
        return Optional.ofNullable(idsByName.get(name.startsWith("/") ? name.substring(1) : name));
    }
}
