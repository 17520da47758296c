package io.gantry.core.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageAccountsTest {

    @TempDir
    Path root;
    Path base;
    Path top;

    @BeforeEach
    void writeLayers() throws IOException {
        base = Files.createDirectories(root.resolve("base/etc"));
        top = Files.createDirectories(root.resolve("top"));
        Files.writeString(base.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\nwww-data:x:33:33::/var/www:/bin/false\n"
                + "broken line\napp:x:1000:1000::/home/app:/bin/sh\n");
        Files.writeString(base.resolve("group"), "root:x:0:\nwww-data:x:33:\napp:x:1000:\nstaff:x:50:app,www-data\n");
    }

    List<Path> layers() {
        return List.of(top, root.resolve("base"));
    }

    @Test
    void root_by_default() {
        assertThat(ImageAccounts.resolve("", layers())).isEqualTo(new ImageAccounts.User(0, 0, List.of()));
    }

    @Test
    void a_name_takes_its_group_from_passwd_and_its_supplementary_groups_from_group() {
        assertThat(ImageAccounts.resolve("www-data", layers())).isEqualTo(new ImageAccounts.User(33, 33, List.of(50L)));
    }

    @Test
    void numbers_and_named_groups_work_and_unknown_numbers_get_group_zero() {
        assertThat(ImageAccounts.resolve("1000:staff", layers())).isEqualTo(new ImageAccounts.User(1000, 50, List.of(50L)));
        assertThat(ImageAccounts.resolve("4242", layers())).isEqualTo(new ImageAccounts.User(4242, 0, List.of()));
        assertThat(ImageAccounts.resolve("4242:7", layers())).isEqualTo(new ImageAccounts.User(4242, 7, List.of()));
    }

    @Test
    void unknown_names_are_named_in_the_error() {
        assertThatThrownBy(() -> ImageAccounts.resolve("nobody-here", layers()))
                .hasMessage("unable to find user nobody-here: no matching entries in passwd file");
        assertThatThrownBy(() -> ImageAccounts.resolve("app:nogroup", layers()))
                .hasMessage("unable to find group nogroup: no matching entries in group file");
    }

    @Test
    void an_upper_layer_overrides_and_a_symlinked_passwd_is_never_followed() throws IOException {
        Path etc = Files.createDirectories(top.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "app:x:2000:2000::/:/bin/sh\n");
        assertThat(ImageAccounts.resolve("app", layers()).uid()).isEqualTo(2000);

        Files.delete(etc.resolve("passwd"));
        Path hostFile = Files.writeString(root.resolve("host-passwd"), "app:x:0:0::/:/bin/sh\n");
        Files.createSymbolicLink(etc.resolve("passwd"), hostFile);
        assertThatThrownBy(() -> ImageAccounts.resolve("app", layers())).hasMessageContaining("unable to find user app");
    }
}
