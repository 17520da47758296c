package io.gantry.console.search;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A query that is itself an image reference ({@code nginx:1.27}, {@code registry.example.com:5000/team/app}) can be
 * run by that name, as Panamax's "absolute" search allowed: for images no registry lists, or when none answers.
 */
@Component
@Order(4)
class ImageNameSearch implements SearchSource {

    static final String NAME = "By name";

    /** [registry[:port]/]path[:tag], with Docker's lower-case path components. */
    private static final Pattern REFERENCE = Pattern.compile(
            "((?:[a-zA-Z0-9.-]+(?::[0-9]{1,5})?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
            + "(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?");

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
        Matcher m = REFERENCE.matcher(query.strip());
        if (query.isBlank() || !m.matches()) {
            return List.of();
        }
        List<String> tags = m.group(2) == null ? List.of() : List.of(m.group(2));
        return List.of(new SearchHit.ImageHit(NAME, m.group(1), "Run the image by this name", false, 0, tags, false));
    }
}
