package io.gantry.console.search;

import io.gantry.console.template.TemplateLibrary;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The template library's own search: name, description and keywords. */
@Component
@Order(1)
class TemplateSearch implements SearchSource {

    static final String NAME = "Templates";

    private final TemplateLibrary library;

    TemplateSearch(TemplateLibrary library) {
        this.library = library;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SearchGroup group() {
        return SearchGroup.TEMPLATES;
    }

    @Override
    public List<SearchHit> search(String query, int limit) {
        return library.search(query).stream().limit(limit)
                .<SearchHit>map(e -> new SearchHit.TemplateHit(NAME, e)).toList();
    }
}
