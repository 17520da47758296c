/**
 * Wires the engine's subsystems together and names everything the engine puts on the host. Every host-visible
 * name (run directory, bridge prefix, nftables table, cgroup parent) is derived from the data root, so two
 * engines never collide and leftovers can be recognised by their owner.
 */
@NullMarked
package io.gantry.core.engine;

import org.jspecify.annotations.NullMarked;
