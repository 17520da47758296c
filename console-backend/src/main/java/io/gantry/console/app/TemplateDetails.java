package io.gantry.console.app;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the user says about a template made from an application.
 *
 * @param type          the icon type, or null for the default
 * @param documentation markdown shown after a deployment, or null
 */
public record TemplateDetails(String name, @Nullable String description, List<String> keywords,
                              @Nullable String type, @Nullable String documentation) {

    public TemplateDetails {
        Objects.requireNonNull(name, "name");
        keywords = List.copyOf(keywords);
    }

    public static TemplateDetails named(String name) {
        return new TemplateDetails(name, null, List.of(), null, null);
    }
}
