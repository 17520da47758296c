/**
 * The volumes page: every volume of the engine with the containers using it; create, remove (refused while in use,
 * naming the users) and prune.
 */
@NullMarked
package io.gantry.console.volume;

import org.jspecify.annotations.NullMarked;
