package io.gantry.console.template;

import java.util.Objects;

/**
 * A template in the library.
 *
 * @param id      stable identifier: {@code bundled:<file name>} or {@code user:<number>}
 * @param bundled whether it ships with Gantry (bundled templates cannot be deleted)
 */
public record TemplateEntry(String id, Template template, boolean bundled) {

    public TemplateEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(template, "template");
    }
}
