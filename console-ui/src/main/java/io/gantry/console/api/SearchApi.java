package io.gantry.console.api;

import io.gantry.console.search.SearchHit;
import io.gantry.console.search.SearchResults;
import io.gantry.console.search.SearchService;
import io.gantry.console.search.SourceFailure;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/search}: the search page's one query over templates, local images and registries. */
@RestController
@RequestMapping(path = "/api/search", produces = MediaType.APPLICATION_JSON_VALUE)
class SearchApi {

    /**
     * An image repository found; {@code tags} is empty when they are loaded on demand through {@code /api/search/tags}
     * with this hit's {@code source} and {@code repository}.
     */
    record ImageFound(String source, String repository, @Nullable String description, boolean official, int stars,
                      List<String> tags, boolean local) {
    }

    record Found(String query, List<TemplatesApi.TemplateSummary> templates, List<ImageFound> localImages,
                 List<ImageFound> registryImages, List<SourceFailure> failures) {
    }

    private final SearchService search;

    SearchApi(SearchService search) {
        this.search = search;
    }

    /** Every source's hits; a source that failed or did not answer in time has its line in {@code failures}. */
    @GetMapping
    Found search(@RequestParam("q") String query) {
        SearchResults results = search.search(query);
        return new Found(results.query(), results.templates().stream().map(t -> TemplatesApi.summary(t.entry())).toList(),
                images(results.localImages()), images(results.registryImages()), results.failures());
    }

    /** The tags of a repository that the named source found. */
    @GetMapping("/tags")
    List<String> tags(@RequestParam String source, @RequestParam String repository) {
        if (!search.sourceNames().contains(source)) {
            throw new IllegalArgumentException("No search source is called " + source + "; the sources are "
                    + String.join(", ", search.sourceNames()) + ".");
        }
        return search.tags(new SearchHit.ImageHit(source, repository, null, false, 0, List.of(), false));
    }

    private static List<ImageFound> images(List<SearchHit.ImageHit> hits) {
        return hits.stream().map(h -> new ImageFound(h.source(), h.repository(), h.description(), h.official(),
                h.stars(), h.tags(), h.local())).toList();
    }
}
