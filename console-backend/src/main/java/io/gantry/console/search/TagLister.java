package io.gantry.console.search;

import java.util.List;

/** A source of image hits that lists a repository's tags when the user opens the tag picker. */
public interface TagLister {

    /**
     * The tags of the repository as this source named it in its {@link SearchHit.ImageHit}, newest-looking first
     * where the source knows no order.
     *
     * @throws RuntimeException with a message for the user when the tags cannot be read
     */
    List<String> tags(String repository);
}
