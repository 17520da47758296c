/**
 * The networks page: every network of the engine with the containers attached to it; create, remove (refused for
 * the built-in ones and while in use, naming the users) and prune.
 */
@NullMarked
package io.gantry.console.network;

import org.jspecify.annotations.NullMarked;
