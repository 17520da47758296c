package io.gantry.core.events;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to an engine object, in Docker's terms.
 *
 * @param type       {@code container}, {@code image}, {@code network} or {@code volume}
 * @param action     e.g. {@code create}, {@code start}, {@code die}, {@code destroy}, {@code pull}, {@code tag}
 * @param actorId    the object's ID (or name, for images and volumes, as Docker reports them)
 * @param attributes e.g. {@code name}, {@code image}, {@code exitCode}
 */
public record EngineEvent(String type, String action, String actorId, Map<String, String> attributes, Instant time) {

    public EngineEvent {
        attributes = Map.copyOf(attributes);
    }
}
