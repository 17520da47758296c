/**
 * Wires the engine's subsystems together by hand, starts and stops it, and runs it as a daemon
 * ({@code ./gantry engine}).
 */
@NullMarked
package io.gantry.core.engine;

import org.jspecify.annotations.NullMarked;
