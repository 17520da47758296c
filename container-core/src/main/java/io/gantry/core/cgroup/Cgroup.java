package io.gantry.core.cgroup;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One container's cgroup as the driver laid it out.
 *
 * @param name        the container-level name under the instance's parent
 * @param dirs        every directory making it up (one per v1 hierarchy, one on v2)
 * @param oomCounter  a file with an {@code oom_kill <n>} line counting kernel OOM kills in this cgroup, if any
 */
public record Cgroup(String name, List<Path> dirs, Optional<Path> oomCounter) {

    public Cgroup {
        dirs = List.copyOf(dirs);
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("cgroup " + name + " has no directory");
        }
    }

    /** The files a process writes its pid (or 0 for itself) to in order to join. */
    public List<Path> procsFiles() {
        return dirs.stream().map(d -> d.resolve("cgroup.procs")).toList();
    }
}
