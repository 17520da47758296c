package io.gantry.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.testing.Privileged;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layers as containers use them, through the docker CLI: a committed container's additions, changes and deletions
 * (a whole directory, and a directory deleted and made again) are exactly what a container of the new image sees
 * differently; and containers of one image share its unpacked layers, each adding only its own upper directory.
 */
@Privileged
class CommitAndLayerSharingTest {

    /** Every path but the kernel's filesystems and the runtime's generated files, with type, mode and content hash. */
    private static final String LISTING = "find / -path /proc -prune -o -path /sys -prune -o -path /dev -prune -o -print"
            + " | sort | while read f; do case $f in /etc/hosts|/etc/resolv.conf|/etc/hostname) continue;; esac;"
            + " if [ -f \"$f\" ] && [ ! -L \"$f\" ]; then echo \"$f file $(stat -c %a \"$f\") $(md5sum < \"$f\" | cut -c1-32)\";"
            + " else echo \"$f $(stat -c %F-%a \"$f\")\"; fi; done";

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    Path tmp;

    CliEngine engine;

    @BeforeEach
    void start() throws Exception {
        engine = CliEngine.start(REGISTRY);
        FilesImage.importInto(engine, tmp, "base:1");
    }

    @AfterEach
    void stop() throws Exception {
        engine.close();
    }

    @Test
    void a_committed_image_shows_exactly_the_containers_additions_changes_and_deletions() throws Exception {
        engine.docker(0, "run", "--name", "changer", "base:1", "sh", "-c", "echo new > /added; echo changed > /etc/motd;"
                + " rm /data/keep; rm -rf /data/old; rm -rf /data/again; mkdir /data/again; echo fresh > /data/again/new;"
                + " mkdir -p /made/sub; echo deep > /made/sub/file; chmod 600 /data/mode");
        engine.docker(0, "commit", "changer", "changed:1");

        Map<String, String> before = listing("base:1");
        Map<String, String> after = listing("changed:1");

        Set<String> added = new TreeSet<>(after.keySet());
        added.removeAll(before.keySet());
        Set<String> removed = new TreeSet<>(before.keySet());
        removed.removeAll(after.keySet());
        Set<String> changed = new TreeSet<>();
        before.forEach((path, line) -> {
            if (after.containsKey(path) && !after.get(path).equals(line)) {
                changed.add(path);
            }
        });
        assertThat(added).containsExactly("/added", "/data/again/new", "/made", "/made/sub", "/made/sub/file");
        assertThat(removed).containsExactly("/data/again/stale", "/data/keep", "/data/old", "/data/old/a", "/data/old/inner",
                "/data/old/inner/b");
        assertThat(changed).containsExactly("/data/mode", "/etc/motd");
        assertThat(after.get("/data/mode")).contains(" file 600 ");
        assertThat(engine.docker(0, "run", "--rm", "changed:1", "cat", "/etc/motd", "/made/sub/file")).isEqualTo("changed\ndeep\n");
    }

    @Test
    void twenty_containers_of_one_image_add_only_their_upper_directories_on_disk() throws Exception {
        Path layers = engine.data().resolve("snapshots/layers");
        Path active = engine.data().resolve("snapshots/active");
        long layersBefore = diskUsage(layers);
        long activeBefore = diskUsage(active);

        for (int i = 0; i < 20; i++) {
            assertThat(engine.docker(0, "run", "--name", "c" + i, "base:1", "sh", "-c",
                    "echo " + i + " > /mine; cat /etc/motd")).isEqualTo("original\n");
        }

        long layersAfter = diskUsage(layers);
        long activeAfter = diskUsage(active);
        long oneImage = layersBefore;
        System.out.printf("layer sharing: layers %d -> %d bytes on disk; 20 containers' snapshots %d -> %d bytes "
                + "(one image copy is %d bytes)%n", layersBefore, layersAfter, activeBefore, activeAfter, oneImage);
        assertThat(layersAfter).as("the image's layers are not copied").isEqualTo(layersBefore);
        try (var dirs = Files.list(active)) {
            assertThat(dirs.toList()).hasSize(20).allSatisfy(dir -> assertThat(dir.resolve("upper/mine")).exists());
        }
        assertThat(activeAfter - activeBefore).as("20 upper dirs take less than one copy of the image")
                .isLessThan(oneImage);
        assertThat(engine.docker(1, "run", "--rm", "base:1", "ls", "/mine")).contains("No such file");
    }

    private Map<String, String> listing(String image) throws IOException, InterruptedException {
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : engine.docker(0, "run", "--rm", image, "sh", "-c", LISTING).lines().toList()) {
            lines.put(line.substring(0, line.indexOf(' ')), line);
        }
        assertThat(lines).containsKeys("/bin/busybox", "/etc/motd");
        return lines;
    }

    /** Bytes of disk the tree takes, as {@code du} counts them (allocated blocks, each inode once). */
    private static long diskUsage(Path tree) throws IOException, InterruptedException {
        Process du = new ProcessBuilder("du", "-s", "-B1", tree.toString()).redirectErrorStream(true).start();
        String out = new String(du.getInputStream().readAllBytes());
        assertThat(du.waitFor()).as(out).isZero();
        return Long.parseLong(out.split("\\s+")[0]);
    }
}
