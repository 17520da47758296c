/**
 * Spring wiring only: configuration properties, the clock, the data root.
 */
@NullMarked
package io.gantry.console.config;

import org.jspecify.annotations.NullMarked;
