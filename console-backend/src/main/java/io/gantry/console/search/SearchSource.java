package io.gantry.console.search;

import java.util.List;

/** One place a search looks in: the template library, the local images, or one registry. */
public interface SearchSource {

    /** What the user sees on this source's error line: "Templates", "Docker Hub", "registry.example.com". */
    String name();

    /** Where on the page its hits go. */
    SearchGroup group();

    /**
     * At most {@code limit} hits for the query (words all to be found, case-insensitive; blank means everything the
     * source can list cheaply, or nothing).
     *
     * @throws RuntimeException with a message for the user when the source cannot answer; the other sources still do
     */
    List<SearchHit> search(String query, int limit);
}
