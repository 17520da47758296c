/**
 * Every container of the engine, whoever made it (the console, the docker CLI): listed and grouped for the containers
 * page, created from the "New container" form, started, stopped, removed one by one or in bulk, inspected, and their
 * logs read or followed. {@link io.gantry.console.container.ContainerOperations} is the feature's one service.
 */
@NullMarked
package io.gantry.console.container;

import org.jspecify.annotations.NullMarked;
