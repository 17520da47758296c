package io.gantry.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.archive.TarBuilder;
import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.testing.Canary;
import io.gantry.core.testing.DockerCli;
import io.gantry.core.testing.Privileged;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A container's files through the stock docker CLI: {@code export}, {@code diff} and {@code cp} both ways, on running
 * and stopped containers; a hostile tar copied in is refused and a symlink in the container pointing to {@code /}
 * keeps the copy inside the container. The image is {@link FilesImage}.
 */
@Privileged
class ContainerFilesCliTest {

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    Path tmp;

    CliEngine engine;

    @BeforeEach
    void start() throws Exception {
        engine = CliEngine.start(REGISTRY);
        FilesImage.importInto(engine, tmp, "files:1");
    }

    @AfterEach
    void stop() throws Exception {
        engine.close();
    }

    @Test
    void diff_shows_what_was_added_changed_and_deleted() throws Exception {
        engine.docker(0, "run", "--name", "changer", "files:1", "sh", "-c",
                "echo new > /added; echo changed > /etc/motd; rm /data/keep; rm -rf /data/old; mkdir -p /made/sub");

        assertThat(engine.docker(0, "diff", "changer").lines().toList()).containsExactly(
                "A /added", "C /data", "D /data/keep", "D /data/old", "C /etc", "C /etc/motd", "A /made", "A /made/sub");
    }

    @Test
    void export_gives_the_root_filesystem_of_a_stopped_and_of_a_running_container() throws Exception {
        engine.docker(0, "run", "--name", "stopped", "files:1", "sh", "-c", "echo made > /made; rm /data/keep");
        Path stopped = tmp.resolve("stopped.tar");
        engine.docker(0, "export", "-o", stopped.toString(), "stopped");

        assertThat(names(stopped)).contains("made", "etc/motd", "data/old/a", "bin/busybox", "bin/sh")
                .doesNotContain("data/keep");
        assertThat(content(stopped, "made")).isEqualTo("made\n");

        engine.docker(0, "run", "-d", "--name", "running", "files:1", "sh", "-c", "echo live > /live; exec sleep 300");
        waitForFile("running", "/live");
        Path running = tmp.resolve("running.tar");
        engine.docker(0, "export", "-o", running.toString(), "running");
        assertThat(names(running)).contains("live", "etc/motd").noneMatch(name -> name.startsWith("proc/1/"));
        assertThat(engine.docker(0, "exec", "running", "echo", "still running")).isEqualTo("still running\n");
        Path whole = tmp.resolve("whole");
        engine.docker(0, "cp", "running:/", whole.toString());
        assertThat(whole.resolve("etc/motd")).hasContent("original");
        assertThat(whole.resolve("live")).hasContent("live");
        assertThat(whole.resolve("proc")).isEmptyDirectory();
        assertThat(whole.resolve("sys")).isEmptyDirectory();
    }

    @Test
    void cp_copies_into_and_out_of_running_and_stopped_containers() throws Exception {
        Path local = Files.writeString(tmp.resolve("note.txt"), "from the host\n");
        engine.docker(0, "run", "-d", "--name", "running", "files:1", "sleep", "300");

        engine.docker(0, "cp", local.toString(), "running:/tmp/");
        assertThat(engine.docker(0, "exec", "running", "cat", "/tmp/note.txt")).isEqualTo("from the host\n");
        engine.docker(0, "cp", "running:/etc/motd", tmp.resolve("motd").toString());
        assertThat(tmp.resolve("motd")).hasContent("original");
        engine.docker(0, "cp", "running:/data", tmp.resolve("data-copy").toString());
        assertThat(tmp.resolve("data-copy/old/inner/b")).hasContent("b");

        engine.docker(0, "create", "--name", "stopped", "files:1", "cat", "/copied/note.txt");
        Path dir = Files.createDirectories(tmp.resolve("copied"));
        Files.copy(local, dir.resolve("note.txt"));
        engine.docker(0, "cp", dir.toString(), "stopped:/");
        assertThat(engine.docker(0, "start", "-a", "stopped")).isEqualTo("from the host\n");
        engine.docker(0, "cp", "stopped:/copied/note.txt", tmp.resolve("back.txt").toString());
        assertThat(tmp.resolve("back.txt")).hasContent("from the host");
        assertThat(engine.docker(1, "cp", "stopped:/no/such/file", tmp.toString()))
                .contains("Could not find the file /no/such/file in container stopped");
    }

    @Test
    void a_symlink_to_the_root_in_the_container_keeps_cp_inside_it() throws Exception {
        String marker = "gantry-cp-" + UUID.randomUUID();
        Path local = Files.writeString(tmp.resolve(marker), "contained\n");
        engine.docker(0, "run", "-d", "--name", "linked", "files:1", "sh", "-c",
                "mkdir -p /tmp; ln -s / /escape; ln -s ../../../../../../tmp /tmp/up; exec sleep 300");
        waitForFile("linked", "/tmp/up");

        engine.docker(0, "cp", local.toString(), "linked:/escape/tmp/");
        engine.docker(0, "cp", local.toString(), "linked:/tmp/up/" + marker + "-2");

        assertThat(Path.of("/tmp", marker)).doesNotExist();
        assertThat(Path.of("/tmp", marker + "-2")).doesNotExist();
        assertThat(engine.docker(0, "exec", "linked", "cat", "/tmp/" + marker, "/tmp/" + marker + "-2"))
                .isEqualTo("contained\ncontained\n");
        engine.docker(0, "stop", "-t", "0", "linked");
        engine.docker(0, "cp", local.toString(), "linked:/escape/data/");
        assertThat(engine.docker(0, "cp", "linked:/escape/data/" + marker, "-")).contains("contained");
    }

    @Test
    void a_hostile_tar_copied_in_is_refused_and_the_host_is_unchanged() throws Exception {
        Canary canary = Canary.plant(tmp.resolve("canary"));
        engine.docker(0, "run", "-d", "--name", "target", "files:1", "sleep", "300");

        record Hostile(TarBuilder tar, String into, String reason) {
        }
        List<Hostile> hostile = List.of(
                new Hostile(new TarBuilder().file("../../../../../../../../" + canary.dir().resolve("pwned"), "x"), "/tmp",
                        "climbs out"),
                new Hostile(new TarBuilder().symlink("link", canary.dir().toString()).file("link/pwned", "x"), "/tmp",
                        "passes through the symlink"),
                new Hostile(new TarBuilder().hardlink("hard", canary.file().toString()), "/tmp", "not in the layer"),
                new Hostile(new TarBuilder().file("data", "x"), "/", "would replace the directory"),
                new Hostile(new TarBuilder().dir("motd"), "/etc", "would replace the non-directory"));
        for (Hostile tar : hostile) {
            Path file = Files.write(tmp.resolve("hostile.tar"), tar.tar().tar());
            assertThat(engine.cli().runWithFile(1, file, "cp", "-", "target:" + tar.into())).contains(tar.reason());
        }

        canary.assertUnchanged();
        assertThat(engine.docker(0, "exec", "target", "cat", "/etc/motd")).isEqualTo("original\n");
    }

    private void waitForFile(String container, String path) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (engine.docker(DockerCli.ANY_EXIT, "exec", container, "sh", "-c", "test -e " + path + " && echo there")
                    .contains("there")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(path + " never appeared in " + container);
    }

    private static List<String> names(Path tar) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream entries = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry; (entry = entries.getNextEntry()) != null; ) {
                names.add(entry.getName().replaceAll("/$", ""));
            }
        }
        return names;
    }

    private static String content(Path tar, String name) throws IOException {
        try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream entries = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry; (entry = entries.getNextEntry()) != null; ) {
                if (entry.getName().equals(name)) {
                    return new String(entries.readAllBytes());
                }
            }
        }
        throw new AssertionError(name + " is not in " + tar);
    }
}
