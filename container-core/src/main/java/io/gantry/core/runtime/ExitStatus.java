package io.gantry.core.runtime;

/**
 * How a container's main process ended.
 *
 * @param exitCode   its exit code, or 128 + the signal that killed it (137 for SIGKILL, as after an OOM kill)
 * @param oomKilled  whether the kernel's OOM killer killed a process of the container
 * @param finishedAt RFC 3339 time with nanoseconds, as the monitor saw the exit
 */
public record ExitStatus(int exitCode, boolean oomKilled, String finishedAt) {
}
