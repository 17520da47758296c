package io.gantry.core.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Network namespaces held open by bind mounts under the instance's run directory ({@code <run>/netns/<container>}),
 * so a namespace outlives the processes in it, survives engine restarts and is found again by path. Not
 * {@code /var/run/netns}: that directory is global, and these handles must carry the instance in their path.
 */
final class NetnsHandles {

    private final Path dir;

    NetnsHandles(Path runDir) {
        this.dir = runDir.resolve("netns");
    }

    Path pathOf(String containerId) {
        return dir.resolve(containerId);
    }

    /** A new namespace with {@code lo} up, bound at the container's handle. */
    Path createFresh(String containerId) throws IOException {
        Path p = prepare(containerId);
        // unshare(1) binds the new namespace onto the file itself, then runs ip inside it.
        HostCommand.run("unshare", "--net=" + p, "ip", "link", "set", "lo", "up");
        return p;
    }

    /** A handle of the engine's own namespace, for {@code --network host}: the shim joins it like any other. */
    Path createHost(String containerId) throws IOException {
        Path p = prepare(containerId);
        HostCommand.run("mount", "--bind", "/proc/" + ProcessHandle.current().pid() + "/ns/net", p.toString());
        return p;
    }

    private Path prepare(String containerId) throws IOException {
        Files.createDirectories(dir);
        Path p = pathOf(containerId);
        if (Files.exists(p)) {
            remove(containerId);
        }
        Files.createFile(p);
        return p;
    }

    /** Unmounts and deletes the handle; the namespace dies with its last process. Absent handles are fine. */
    void remove(String containerId) throws IOException {
        Path p = pathOf(containerId);
        if (!Files.exists(p)) {
            return;
        }
        if (isMounted(p)) {
            HostCommand.run("umount", "--lazy", p.toString());
        }
        Files.deleteIfExists(p);
    }

    /** Deletes the handles' directory once no handle is left in it. */
    void removeDirIfEmpty() throws IOException {
        if (Files.isDirectory(dir) && list().isEmpty()) {
            Files.deleteIfExists(dir);
        }
    }

    /** Handles present on disk (for the reconciler and the leak check). */
    List<String> list() throws IOException {
        List<String> ids = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (var s = Files.list(dir)) {
                s.forEach(p -> ids.add(p.getFileName().toString()));
            }
        }
        return ids;
    }

    static boolean isMounted(Path p) throws IOException {
        String target = " " + p.toAbsolutePath() + " ";
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            if (line.contains(target)) {
                return true;
            }
        }
        return false;
    }
}
