/**
 * Container networking: bridge networks with persistent IPv4 allocation, one network namespace per container (the
 * engine prepares it, the shim joins it), published ports as kernel NAT in the instance's own nftables table (or a
 * userspace proxy where nftables is missing), outbound NAT, generated {@code /etc/hosts} and {@code /etc/resolv.conf},
 * and Docker's legacy links. {@link io.gantry.core.network.NetworkService} is the facade the runtime and the Engine
 * API call; everything on the host is named after the {@link io.gantry.core.instance.EngineInstance}.
 */
@NullMarked
package io.gantry.core.network;

import org.jspecify.annotations.NullMarked;
