/**
 * What the engine knows about the machine it runs on (kernel, CPUs, memory, cgroup mode, overlayfs), read from
 * {@code /proc}, {@code /sys} and {@code /etc/os-release}; reported through the Engine API's {@code /info}.
 */
@NullMarked
package io.gantry.core.host;

import org.jspecify.annotations.NullMarked;
