/**
 * A stateless OCI distribution (v2) client on {@link java.net.http.HttpClient}: the authentication challenge, Bearer
 * tokens and Basic, manifests and indexes resolved to the host platform, blobs streamed into the content store with
 * digest verification and per-layer progress, retries on server errors, redirects that never carry credentials to
 * another host, pushes, and a switch that forbids contacting anything not configured.
 */
@NullMarked
package io.gantry.core.registry;

import org.jspecify.annotations.NullMarked;
