/**
 * The Docker-compatible Engine API on a unix socket: a small HTTP/1.1 layer (keep-alive, chunked streams, hijacked
 * connections for attach and exec), version negotiation, one thin handler per resource, and {@link
 * io.gantry.core.api.ApiErrors}, the only place that turns failures into HTTP status codes.
 */
@NullMarked
package io.gantry.core.api;

import org.jspecify.annotations.NullMarked;
