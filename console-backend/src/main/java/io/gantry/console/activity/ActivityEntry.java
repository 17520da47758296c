package io.gantry.console.activity;

import java.time.Instant;

/**
 * One line of the activity log.
 *
 * @param action  what was done, {@code <object>.<verb>}: {@code container.stop}, {@code image.pull}, {@code volume.remove}
 * @param target  what it was done to: a container, image, volume or network name
 * @param failed  whether it failed; {@code detail} then says why
 * @param detail  more: the engine's refusal, the new container's image, an event's attributes
 */
public record ActivityEntry(long id, Instant at, Actor actor, String action, String target, boolean failed,
        String detail) {
}
