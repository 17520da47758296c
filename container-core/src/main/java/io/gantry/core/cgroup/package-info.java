/**
 * Control groups for containers: one {@link io.gantry.core.cgroup.CgroupDriver} role with a driver per
 * hierarchy (v1 here, v2 on modern hosts), chosen by {@link io.gantry.core.cgroup.CgroupDrivers#detect}.
 * Every container's cgroup nests under an instance-scoped parent, itself under the engine's own cgroup, so
 * containers stay within the engine's limits and leftovers are recognisable by name.
 */
@NullMarked
package io.gantry.core.cgroup;

import org.jspecify.annotations.NullMarked;
