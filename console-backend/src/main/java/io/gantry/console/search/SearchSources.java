package io.gantry.console.search;

import java.util.List;

/**
 * Sources that exist only at the time of a query, such as one per registry the console is configured with; fixed
 * sources are plain {@link SearchSource} beans.
 */
public interface SearchSources {

    List<SearchSource> current();
}
