/**
 * Host and container figures for the dashboard. Until the Engine API exists the host facts are read from this host directly.
 */
@NullMarked
package io.gantry.console.metrics;

import org.jspecify.annotations.NullMarked;
