/**
 * The registries the console knows (name, address, enabled) with their credentials, kept encrypted at rest under a
 * key file in the data root and handed to the engine per pull as Docker's {@code X-Registry-Auth} header. Mirrors and
 * insecure registries are the engine's own settings (its {@code /info}), not kept here.
 */
@NullMarked
package io.gantry.console.registry;

import org.jspecify.annotations.NullMarked;
