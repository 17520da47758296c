/**
 * Container lifecycle: {@link io.gantry.core.runtime.ContainerRuntime} creates, starts, signals, waits for and
 * removes containers, running each through one {@code gantry-shim} monitor (see {@code src/main/c}). Java decides
 * every setting (mounts, devices, capabilities, the seccomp program); the shim only performs them in a fresh
 * process. Per-container state lives under {@code <data root>/containers/<id>/}, written atomically. The engine's own
 * access to a container's files (copy, export, diff) goes through a {@link io.gantry.core.runtime.ContainerFilesystem},
 * which holds the container still meanwhile.
 */
@NullMarked
package io.gantry.core.runtime;

import org.jspecify.annotations.NullMarked;
