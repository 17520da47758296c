package io.gantry.console.search;

import io.gantry.core.registry.Credentials;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A registry configured in the console, searched by its catalog: the repositories whose names contain every word of
 * the query, named with the registry's host so they run from there ({@code registry.example.com/team/app}).
 */
final class RegistryCatalogSource implements SearchSource, TagLister {

    private final String name;
    private final String host;
    private final Supplier<@Nullable Credentials> credentials;
    private final RegistryTags registries;

    /**
     * @param name        what the user calls the registry, on its hits and its error line
     * @param host        {@code host[:port]}
     * @param credentials read when the registry is asked, or null for anonymous access
     */
    RegistryCatalogSource(String name, String host, Supplier<@Nullable Credentials> credentials, RegistryTags registries) {
        this.name = Objects.requireNonNull(name, "name");
        this.host = Objects.requireNonNull(host, "host");
        this.credentials = credentials;
        this.registries = registries;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SearchGroup group() {
        return SearchGroup.REGISTRY_IMAGES;
    }

    @Override
    public List<SearchHit> search(String query, int limit) {
        QueryWords words = QueryWords.of(query);
        if (words.isBlank()) {
            return List.of();
        }
        return registries.catalog(host, credentials.get()).stream().filter(words::matches).limit(limit)
                .<SearchHit>map(repo -> new SearchHit.ImageHit(name, host + "/" + repo, null, false, 0, List.of(), false))
                .toList();
    }

    @Override
    public List<String> tags(String repository) {
        return registries.tags(repository, credentials.get());
    }
}
