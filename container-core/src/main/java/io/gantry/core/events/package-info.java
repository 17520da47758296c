/**
 * The engine's event log: what happened to containers, images, networks and volumes, kept briefly for
 * {@code /events?since=} and pushed to subscribers (the console's live pages, {@code docker events}).
 */
@NullMarked
package io.gantry.core.events;

import org.jspecify.annotations.NullMarked;
