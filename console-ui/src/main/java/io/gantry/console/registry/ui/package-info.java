/**
 * The registries the console knows, with their credentials, as the Settings page shows them.
 */
@NullMarked
package io.gantry.console.registry.ui;

import org.jspecify.annotations.NullMarked;
