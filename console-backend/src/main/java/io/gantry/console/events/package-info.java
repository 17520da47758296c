/**
 * The engine's event stream shared by everything in the console that follows the engine (the application watcher,
 * the activity log, the pages that show live state): one subscription to the engine while anyone listens, reopened
 * when the engine comes back, with the listeners told that they missed events meanwhile.
 */
@NullMarked
package io.gantry.console.events;

import org.jspecify.annotations.NullMarked;
