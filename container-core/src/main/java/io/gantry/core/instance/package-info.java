/**
 * The names one engine instance puts on the host (run directory, bridge prefix, nftables table, cgroup parent), all
 * derived from its data root so that two engines never collide and leftovers can be recognised by their owner.
 */
@NullMarked
package io.gantry.core.instance;

import org.jspecify.annotations.NullMarked;
