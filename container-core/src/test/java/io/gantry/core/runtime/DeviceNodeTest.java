package io.gantry.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceNodeTest {

    @Test
    void the_hosts_dev_yields_its_device_nodes_with_numbers_modes_and_owners_as_runc_lists_them() {
        List<DeviceNode> nodes = DeviceNode.under(Path.of("/dev"));

        assertThat(nodes).contains(new DeviceNode("/dev/null", 'c', 1, 3, 0666, 0, 0));
        assertThat(nodes).extracting(DeviceNode::path)
                .doesNotContain("/dev/ptmx", "/dev/console", "/dev/stdin", "/dev/fd")
                .noneMatch(p -> p.startsWith("/dev/pts/") || p.startsWith("/dev/shm/") || p.startsWith("/dev/mqueue/"));
    }

    @Test
    void a_config_line_carries_path_type_numbers_octal_mode_and_owner() {
        assertThat(new DeviceNode("/dev/net/tun", 'c', 10, 200, 0666, 0, 0).configLine())
                .isEqualTo("/dev/net/tun\tc\t10\t200\t0666\t0\t0");
        assertThat(new DeviceNode("/dev/loop0", 'b', 7, 0, 0660, 0, 6).configLine())
                .isEqualTo("/dev/loop0\tb\t7\t0\t0660\t0\t6");
    }
}
