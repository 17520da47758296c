package io.gantry.core.cgroup;

import java.util.List;
import java.util.Optional;

/**
 * Creates, limits, measures and removes containers' cgroups. Implementations write cgroup files only; moving
 * a process in is the shim's job (it writes {@link Cgroup#procsFiles()} from inside the new process).
 */
public interface CgroupDriver extends AutoCloseable {

    /**
     * Creates the cgroup {@code name} under this instance's parent and applies {@code resources}. A leftover
     * cgroup of the same name (from a crashed engine) is reused. Throws {@code EngineException} on failure,
     * leaving nothing behind.
     */
    Cgroup create(String name, Resources resources);

    /**
     * The cgroup {@code name} as a previous engine left it (to reattach to a running container, or remove a
     * leftover), without changing it; empty if no directory of it exists.
     */
    Optional<Cgroup> find(String name);

    /** The pids of every process in the cgroup (empty when it is gone). */
    List<Long> pids(Cgroup cgroup);

    /** Changes the limits of a live cgroup (docker update). */
    void apply(Cgroup cgroup, Resources resources);

    /**
     * Freezes ({@code true}) or thaws every process in the cgroup, returning once the kernel reports it done.
     * Processes that join a frozen cgroup freeze too. Throws {@code EngineException} if the kernel does not
     * get there within a few seconds, leaving the cgroup thawed.
     */
    void freeze(Cgroup cgroup, boolean frozen);

    /** Current usage; memory excludes the page cache, as {@code docker stats} shows it. */
    CgroupStats stats(Cgroup cgroup);

    /** Removes the cgroup; it must hold no process any more. Removing a cgroup that is gone is a no-op. */
    void destroy(Cgroup cgroup);

    /** Removes the instance's parent cgroup if no container cgroup is left in it. */
    @Override
    void close();
}
