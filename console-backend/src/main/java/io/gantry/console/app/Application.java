package io.gantry.console.app;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An application: services deployed together on one engine.
 *
 * @param name       what the user calls it; renaming changes only this
 * @param slug       the prefix of everything the application owns on the engine (containers {@code <slug>-<service>},
 *                   network {@code <slug>_default}, volumes {@code <slug>_<volume>}); fixed at creation and unique, so a
 *                   rename never recreates a container
 * @param templateId the library template it was deployed from ({@code bundled:wordpress}, {@code user:7}), or null
 * @param engine     the address of the engine it was deployed to ({@code unix:///run/gantry/engine.sock})
 */
public record Application(long id, String name, String slug, @Nullable String templateId, String engine,
                          Instant created) {

    public Application {
        Objects.requireNonNull(name, "name");
        if (!DockerNames.isSlug(slug)) {
            throw new IllegalArgumentException("not an application slug: " + slug);
        }
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(created, "created");
    }

    public Optional<String> template() {
        return Optional.ofNullable(templateId);
    }

    public Application withName(String newName) {
        return new Application(id, newName, slug, templateId, engine, created);
    }
}
