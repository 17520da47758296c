package io.gantry.core.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.testing.Privileged;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resolved read-only bind, bound as the runtime binds it (in a private mount namespace), refuses writes. */
@Privileged
class ReadOnlyBindTest {

    @TempDir
    Path root;

    @Test
    void a_read_only_bind_refuses_writes_and_a_read_write_one_accepts_them() throws Exception {
        Path src = Files.createDirectories(root.resolve("src"));
        Path target = Files.createDirectories(root.resolve("target"));
        VolumeStore store = new VolumeStore(root);
        VolumeMount ro = store.mountsFor("c", List.of(MountSpec.parse(src + ":/data:ro")), List.of(), List.of(),
                t -> Optional.empty()).get(0);
        assertThat(ro.readOnly()).isTrue();
        assertThat(writeThroughBind(ro, target)).isNotZero();
        VolumeMount rw = new VolumeMount(ro.source(), ro.target(), false, "");
        assertThat(writeThroughBind(rw, target)).isZero();
        assertThat(src.resolve("f")).exists();
    }

    private static int writeThroughBind(VolumeMount m, Path target) throws Exception {
        String opts = m.readOnly() ? "mount -o remount,bind,ro \"$2\" && " : "";
        Process p = new ProcessBuilder("unshare", "--mount", "sh", "-c",
                "mount --bind \"$1\" \"$2\" && " + opts + "echo x > \"$2/f\"", "sh", m.source(), target.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }
}
