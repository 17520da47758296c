/**
 * The activity log: who did what and when, through the UI, the REST API or the engine itself (its events), kept in
 * the console's database for a configurable period ({@code gantry.activity.retention}, 30 days by default).
 * {@link io.gantry.console.activity.ActivityService} is the one entry; other features record through it.
 */
@NullMarked
package io.gantry.console.activity;

import org.jspecify.annotations.NullMarked;
