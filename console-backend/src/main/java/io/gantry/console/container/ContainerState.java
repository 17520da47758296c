package io.gantry.console.container;

import java.util.Locale;

/** The engine's container states ({@code State.Status}), as the containers page badges them. */
public enum ContainerState {
    CREATED, RUNNING, PAUSED, RESTARTING, REMOVING, EXITED, DEAD;

    /** Reads Docker's lower-case state; an unknown one (a newer engine) counts as dead rather than failing the page. */
    public static ContainerState parse(String state) {
        try {
            return valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return DEAD;
        }
    }

    /** Whether stop, restart and kill make sense (else start does). */
    public boolean isActive() {
        return this == RUNNING || this == PAUSED || this == RESTARTING;
    }

    /** As the page shows it: {@code Running}. */
    public String label() {
        String lower = name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
