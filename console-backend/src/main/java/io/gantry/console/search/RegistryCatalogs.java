package io.gantry.console.search;

import io.gantry.console.registry.Registry;
import io.gantry.console.registry.RegistryService;
import java.util.List;
import org.springframework.stereotype.Component;

/** One search source per enabled registry configured in the console, read afresh for each query. */
@Component
class RegistryCatalogs implements SearchSources {

    private final RegistryService registries;
    private final RegistryTags tags;

    RegistryCatalogs(RegistryService registries, RegistryTags tags) {
        this.registries = registries;
        this.tags = tags;
    }

    @Override
    public List<SearchSource> current() {
        return registries.enabled().stream().<SearchSource>map(this::source).toList();
    }

    private SearchSource source(Registry registry) {
        return new RegistryCatalogSource(registry.name(), registry.host(),
                () -> registries.credentials(registry.id()).orElse(null), tags);
    }
}
