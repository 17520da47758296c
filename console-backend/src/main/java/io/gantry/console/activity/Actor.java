package io.gantry.console.activity;

/**
 * Who acts: a user's name and the way they came in.
 *
 * @param name a user name, or {@code engine} / {@code system}
 */
public record Actor(String name, ActivitySource source) {

    public static final Actor ENGINE = new Actor("engine", ActivitySource.ENGINE);
    public static final Actor SYSTEM = new Actor("system", ActivitySource.SYSTEM);

    public Actor {
        if (name.isBlank()) {
            throw new IllegalArgumentException("an actor has a name");
        }
    }
}
