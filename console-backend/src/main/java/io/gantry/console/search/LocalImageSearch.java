package io.gantry.console.search;

import io.gantry.console.engine.EngineClient;
import io.gantry.core.api.types.ImageSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The images the engine has, one hit per repository with its tags; a blank query lists them all. */
@Component
@Order(2)
class LocalImageSearch implements SearchSource, TagLister {

    static final String NAME = "Local images";

    private final EngineClient engine;

    LocalImageSearch(EngineClient engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SearchGroup group() {
        return SearchGroup.LOCAL_IMAGES;
    }

    @Override
    public List<SearchHit> search(String query, int limit) {
        QueryWords words = QueryWords.of(query);
        return repositories().entrySet().stream().filter(e -> words.matches(e.getKey())).limit(limit)
                .<SearchHit>map(e -> new SearchHit.ImageHit(NAME, e.getKey(), null, false, 0, e.getValue(), true))
                .toList();
    }

    @Override
    public List<String> tags(String repository) {
        return repositories().getOrDefault(repository, List.of());
    }

    /** Repository → its tags, from every {@code repo:tag} the engine lists (untagged images have none). */
    private Map<String, List<String>> repositories() {
        Map<String, List<String>> byRepository = new TreeMap<>();
        for (ImageSummary image : engine.listImages()) {
            for (String reference : image.repoTags() == null ? List.<String>of() : image.repoTags()) {
                int colon = reference.lastIndexOf(':');
                if (colon > reference.lastIndexOf('/') && !reference.startsWith("<none>")) {
                    byRepository.computeIfAbsent(reference.substring(0, colon), r -> new ArrayList<>())
                            .add(reference.substring(colon + 1));
                }
            }
        }
        byRepository.values().forEach(tags -> tags.sort(null));
        return byRepository;
    }
}
