/**
 * The REST API under {@code /api/**}: templates, applications, their services, and metrics, as JSON. Its own
 * stateless security chain (HTTP Basic with the console's accounts, no session, no CSRF); errors are
 * {@code {"message": …}} with a status that says what kind of failure it was. Controllers translate between the wire
 * records here and the backend services, and hold no logic of their own.
 */
@NullMarked
package io.gantry.console.api;

import org.jspecify.annotations.NullMarked;
