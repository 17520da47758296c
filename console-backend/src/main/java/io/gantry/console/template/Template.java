package io.gantry.console.template;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A whole stack that users share: metadata for the library and its services. Immutable; the {@code with*} methods
 * return changed copies. Checked by {@link TemplateValidator}, not here, so that a file can be read and all its
 * problems reported at once.
 *
 * @param keywords      search keywords ({@code .pmx} writes them comma-separated)
 * @param type          the icon type as written
 * @param documentation markdown shown to the user; render it with {@link Documentation#toHtml}
 */
public record Template(String name, @Nullable String description, List<String> keywords, @Nullable String type,
                       @Nullable String documentation, List<String> authors, List<TemplateImage> images,
                       Origin origin) {

    public Template {
        Objects.requireNonNull(name, "name");
        keywords = List.copyOf(keywords);
        authors = List.copyOf(authors);
        images = List.copyOf(images);
        Objects.requireNonNull(origin, "origin");
    }

    public static Template of(String name, List<TemplateImage> images) {
        return new Template(name, null, List.of(), null, null, List.of(), images, Origin.none());
    }

    public Optional<TemplateImage> image(String serviceName) {
        return images.stream().filter(i -> i.name().equals(serviceName)).findFirst();
    }

    public Template withName(String newName) {
        return new Template(newName, description, keywords, type, documentation, authors, images, origin);
    }

    public Template withDescription(@Nullable String text) {
        return new Template(name, text, keywords, type, documentation, authors, images, origin);
    }

    public Template withKeywords(List<String> words) {
        return new Template(name, description, words, type, documentation, authors, images, origin);
    }

    public Template withDocumentation(@Nullable String markdown) {
        return new Template(name, description, keywords, type, markdown, authors, images, origin);
    }

    public Template withImages(List<TemplateImage> newImages) {
        return new Template(name, description, keywords, type, documentation, authors, newImages, origin);
    }
}
