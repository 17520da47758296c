package io.gantry.console.search;

import io.gantry.console.engine.EngineClient;
import io.gantry.core.api.types.ImageSearchResult;
import io.gantry.core.api.types.SystemInfo;
import io.gantry.core.image.ImageReference;
import java.net.URI;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Docker Hub's search, asked through the engine ({@code docker search}), which knows the index it is configured
 * with. Tags are read from where the engine pulls docker.io images: its first registry mirror, else Docker Hub.
 */
@Component
@Order(3)
class DockerHubSearch implements SearchSource, TagLister {

    static final String NAME = "Docker Hub";

    private final EngineClient engine;
    private final RegistryTags registries;

    DockerHubSearch(EngineClient engine, RegistryTags registries) {
        this.engine = engine;
        this.registries = registries;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SearchGroup group() {
        return SearchGroup.REGISTRY_IMAGES;
    }

    @Override
    public List<SearchHit> search(String query, int limit) {
        if (query.isBlank()) {
            return List.of();
        }
        List<ImageSearchResult> found = engine.searchImages(query, Math.min(100, limit));
        return found.stream().<SearchHit>map(r -> new SearchHit.ImageHit(NAME, r.name(), r.description(), r.official(),
                r.starCount(), List.of(), false)).toList();
    }

    @Override
    public List<String> tags(String repository) {
        String path = ImageReference.parse(repository).path();
        return registries.tags(pullHost() + "/" + path, null);
    }

    /** The engine's first docker.io mirror ({@code http://127.0.0.1:5000} → {@code 127.0.0.1:5000}), or Docker Hub. */
    private String pullHost() {
        SystemInfo.RegistryConfig config = engine.info().registryConfig();
        if (config != null && config.mirrors() != null && !config.mirrors().isEmpty()) {
            URI mirror = URI.create(config.mirrors().get(0));
            return mirror.getPort() < 0 ? mirror.getHost() : mirror.getHost() + ":" + mirror.getPort();
        }
        return "registry-1.docker.io";
    }
}
