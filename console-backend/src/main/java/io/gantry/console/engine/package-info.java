/**
 * The console's only way to an engine: the Docker Engine API over a unix socket, whether the engine is the embedded
 * one, a separate {@code gantry engine} daemon, or Docker itself. This package is also the only place that turns
 * the engine's HTTP errors back into console exceptions.
 */
@NullMarked
package io.gantry.console.engine;

import org.jspecify.annotations.NullMarked;
