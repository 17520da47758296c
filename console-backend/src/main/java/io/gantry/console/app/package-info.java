/**
 * Applications: templates (or single images) deployed as groups of containers on one engine. The records
 * ({@link io.gantry.console.app.Application}, {@link io.gantry.console.app.AppService}) and the pure plans
 * ({@link io.gantry.console.app.DeployPlan}: what to create and in which order; {@link io.gantry.console.app.EditPlan}:
 * which containers an edit recreates and which it leaves alone) carry no engine calls; the public
 * {@link io.gantry.console.app.ApplicationService} keeps applications in the database, deploys them to the engine
 * through package-private steps ({@code ImageSupply}, {@code Deployment} with its rollback, {@code Teardown},
 * {@code ContainerRequests}), applies edits to running applications ({@code EditApplier}, {@code EditRun}: only the
 * containers the plan names are replaced, and a failure puts the previous ones back), reconciles them with the
 * engine ({@code DriftCheck}; {@code ApplicationWatcher} at start and on the engine's events) so that containers
 * removed or changed behind its back show as such and can be recreated, runs their lifecycle and turns them back into
 * templates.
 */
@NullMarked
package io.gantry.console.app;

import org.jspecify.annotations.NullMarked;
