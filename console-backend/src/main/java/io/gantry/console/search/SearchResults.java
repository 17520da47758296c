package io.gantry.console.search;

import java.util.List;
import java.util.Objects;

/**
 * What one query found, grouped as the page shows it, with one failure per source that could not answer.
 *
 * @param localImages    images the engine has
 * @param registryImages images in registries, Docker Hub's first
 */
public record SearchResults(String query, List<SearchHit.TemplateHit> templates, List<SearchHit.ImageHit> localImages,
                            List<SearchHit.ImageHit> registryImages, List<SourceFailure> failures) {

    public SearchResults {
        Objects.requireNonNull(query, "query");
        templates = List.copyOf(templates);
        localImages = List.copyOf(localImages);
        registryImages = List.copyOf(registryImages);
        failures = List.copyOf(failures);
    }

    public boolean isEmpty() {
        return templates.isEmpty() && localImages.isEmpty() && registryImages.isEmpty();
    }
}
