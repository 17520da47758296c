/**
 * One search over everything a user can run: the template library, the engine's local images and registry images
 * (Docker Hub through the engine, and the catalogs of registries configured in the console). Each place searched is
 * a {@link io.gantry.console.search.SearchSource}; {@link io.gantry.console.search.SearchService} asks them all in
 * parallel, each within a time limit, so one that fails or hangs costs only its own error line.
 */
@NullMarked
package io.gantry.console.search;

import org.jspecify.annotations.NullMarked;
