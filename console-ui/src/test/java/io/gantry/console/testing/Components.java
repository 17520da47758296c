package io.gantry.console.testing;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds components of a view or form by id, as component tests read them without a browser. */
public final class Components {

    private Components() {
    }

    public static Component find(Component root, String id) {
        return all(root).filter(c -> c.getId().equals(Optional.of(id))).findFirst()
                .orElseThrow(() -> new AssertionError("no component " + id));
    }

    private static Stream<Component> all(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(Components::all));
    }
}
