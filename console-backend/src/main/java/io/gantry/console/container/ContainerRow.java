package io.gantry.console.container;

import java.time.Instant;

/**
 * One container on the containers page.
 *
 * @param name   without Docker's leading slash
 * @param status the engine's human text ("Up 5 minutes", "Exited (0) 2 seconds ago")
 * @param group  the application it belongs to, or {@link ContainerOperations#STANDALONE}
 */
public record ContainerRow(String id, String name, String image, ContainerState state, String status, Instant created,
        String group) {

    /** The first 12 characters of the id, as {@code docker ps} shows it. */
    public String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
