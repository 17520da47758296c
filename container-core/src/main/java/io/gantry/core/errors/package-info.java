/**
 * The engine's one error vocabulary, cut down from containerd's errdefs to what the Docker Engine API
 * distinguishes. Facades throw these (unchecked) with a message naming the operation and the object; only the
 * API layer maps a {@link io.gantry.core.errors.EngineException.Kind} to a wire code.
 */
@NullMarked
package io.gantry.core.errors;

import org.jspecify.annotations.NullMarked;
