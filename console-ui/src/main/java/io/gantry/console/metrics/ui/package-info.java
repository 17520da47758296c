/**
 * The dashboard.
 */
@NullMarked
package io.gantry.console.metrics.ui;

import org.jspecify.annotations.NullMarked;
