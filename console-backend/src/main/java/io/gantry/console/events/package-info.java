/**
 * The engine's event stream shared by every page that shows live state: one subscription to the engine while
 * anyone listens, reopened when the engine comes back.
 */
@NullMarked
package io.gantry.console.events;

import org.jspecify.annotations.NullMarked;
