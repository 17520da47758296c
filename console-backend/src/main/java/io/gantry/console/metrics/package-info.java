/**
 * Host and container figures for the dashboard and the application pages: the engine's facts from its {@code /info},
 * each service's CPU and memory from the engine's stats, the host's usage from {@code /proc}.
 */
@NullMarked
package io.gantry.console.metrics;

import org.jspecify.annotations.NullMarked;
