package io.gantry.console.events;

import io.gantry.core.api.types.EventMessage;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Something changed on the engine, as its event stream said: what kind of object, what happened to it, and its id
 * and attributes (a container's {@code name} and {@code image}, a {@code die}'s {@code exitCode}).
 *
 * @param type   {@code container}, {@code image}, {@code network}, {@code volume}, ...
 * @param action {@code create}, {@code start}, {@code die}, {@code destroy}, ...
 */
public record EngineChange(String type, String action, String actorId, Map<String, String> attributes) {

    public EngineChange {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actorId, "actorId");
        attributes = Map.copyOf(attributes);
    }

    static EngineChange of(EventMessage event) {
        EventMessage.Actor actor = event.actor();
        return new EngineChange(event.type() == null ? "" : event.type(), event.action() == null ? "" : event.action(),
                actor == null || actor.id() == null ? "" : actor.id(),
                actor == null || actor.attributes() == null ? Map.of() : actor.attributes());
    }

    public boolean isContainer() {
        return type.equals("container");
    }

    /** The object's name ({@code my-blog-web} for a container), when the engine gave one. */
    public Optional<String> name() {
        return Optional.ofNullable(attributes.get("name"));
    }
}
