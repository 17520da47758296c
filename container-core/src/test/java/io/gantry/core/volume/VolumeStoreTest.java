package io.gantry.core.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.core.errors.ConflictException;
import io.gantry.core.errors.InvalidArgumentException;
import io.gantry.core.errors.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Named and anonymous volumes, their users, copy-up of image content, and {@code -v} specs. */
class VolumeStoreTest {

    @TempDir
    Path root;

    @Test
    void named_volumes_are_created_listed_inspected_and_removed_but_not_while_in_use() {
        VolumeStore store = new VolumeStore(root);
        Volume data = store.create("data");
        assertThat(Path.of(data.mountpoint())).isEqualTo(root.resolve("volumes/data/_data")).isDirectory();
        assertThat(store.create("data")).isEqualTo(data);
        assertThat(store.list()).extracting(Volume::name).containsExactly("data");

        store.mountsFor("c1", List.of(MountSpec.parse("data:/var/lib/mysql")), List.of(), List.of(), t -> Optional.empty());
        assertThat(store.get("data").orElseThrow().users()).containsExactly("c1");
        assertThatThrownBy(() -> store.remove("data")).isInstanceOf(ConflictException.class).hasMessageContaining("in use");
        store.release("c1", true);
        store.remove("data");
        assertThat(store.get("data")).isEmpty();
        assertThatThrownBy(() -> store.remove("data")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.create("../x")).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void data_in_a_volume_survives_its_container_and_is_read_by_the_next_one() throws IOException {
        VolumeStore store = new VolumeStore(root);
        VolumeMount m = store.mountsFor("c1", List.of(MountSpec.parse("db:/data")), List.of(), List.of(),
                t -> Optional.empty()).get(0);
        Files.writeString(Path.of(m.source(), "table"), "rows");
        store.release("c1", true);
        VolumeMount again = new VolumeStore(root).mountsFor("c2", List.of(MountSpec.parse("db:/data")), List.of(),
                List.of(), t -> Optional.empty()).get(0);
        assertThat(Files.readString(Path.of(again.source(), "table"))).isEqualTo("rows");
    }

    @Test
    void an_anonymous_volume_for_an_image_volume_gets_the_images_files_once() throws IOException {
        Path image = Files.createDirectories(root.resolve("rootfs/var/lib/app"));
        Files.writeString(image.resolve("seed.txt"), "from the image");
        Files.createDirectories(image.resolve("sub"));
        Files.createSymbolicLink(image.resolve("link"), Path.of("seed.txt"));
        VolumeStore store = new VolumeStore(root);
        List<VolumeMount> mounts = store.mountsFor("c1", List.of(MountSpec.parse("/etc/x")), List.of("/var/lib/app/"),
                List.of(), t -> Optional.of(root.resolve("rootfs" + t)));
        assertThat(mounts).extracting(VolumeMount::target).containsExactly("/etc/x", "/var/lib/app");
        Path data = Path.of(mounts.get(1).source());
        assertThat(data.resolve("seed.txt")).hasContent("from the image");
        assertThat(data.resolve("sub")).isDirectory();
        assertThat(Files.readSymbolicLink(data.resolve("link"))).isEqualTo(Path.of("seed.txt"));

        Files.delete(data.resolve("seed.txt"));
        store.populate(store.get(mounts.get(1).volume()).orElseThrow(), image);
        assertThat(data.resolve("seed.txt")).doesNotExist(); // a used volume is never refilled
        store.release("c1", false);
        assertThat(store.prune(false)).hasSize(2);
        assertThat(store.list()).isEmpty();
    }

    @Test
    void volumes_from_shares_another_containers_mounts_and_records_the_user() {
        VolumeStore store = new VolumeStore(root);
        List<VolumeMount> source = store.mountsFor("c1", List.of(MountSpec.parse("shared:/s:ro")), List.of(), List.of(),
                t -> Optional.empty());
        List<VolumeMount> mine = store.mountsFor("c2", List.of(), List.of(), source, t -> Optional.empty());
        assertThat(mine).isEqualTo(source);
        store.release("c1", true);
        assertThat(store.get("shared").orElseThrow().users()).containsExactly("c2");
    }

    @Test
    void mount_specs_parse_as_docker_run_v() {
        assertThat(MountSpec.parse("/srv/www:/var/www:ro"))
                .isEqualTo(new MountSpec(MountSpec.Kind.BIND, "/srv/www", "/var/www", true));
        assertThat(MountSpec.parse("data:/data")).isEqualTo(new MountSpec(MountSpec.Kind.NAMED, "data", "/data", false));
        assertThat(MountSpec.parse("/cache")).isEqualTo(new MountSpec(MountSpec.Kind.ANONYMOUS, "", "/cache", false));
        assertThatThrownBy(() -> MountSpec.parse("data:relative")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> MountSpec.parse("/a/../etc:/x")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> MountSpec.parse("/a:/x:rx")).isInstanceOf(InvalidArgumentException.class);
        VolumeStore store = new VolumeStore(root);
        assertThatThrownBy(() -> store.mountsFor("c", List.of(MountSpec.parse("a:/x"), MountSpec.parse("b:/x")),
                List.of(), List.of(), t -> Optional.empty())).hasMessageContaining("duplicate mount point /x");
    }
}
