package io.gantry.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.core.snapshot.StorageDriver;
import org.junit.jupiter.api.Test;

class EngineMainTest {

    @Test
    void the_storage_driver_is_the_hosts_best_unless_chosen_by_dockers_name_or_gantrys() {
        assertThat(EngineMain.parse(new String[] {"--data", "/tmp/d"}).storageDriver()).isEmpty();
        assertThat(EngineMain.parse(new String[] {"--storage-driver", "vfs"}).storageDriver()).contains(StorageDriver.VFS);
        assertThat(EngineMain.parse(new String[] {"--storage-driver", "copy"}).storageDriver()).contains(StorageDriver.VFS);
        assertThat(EngineMain.parse(new String[] {"--storage-driver", "overlay"}).storageDriver())
                .contains(StorageDriver.OVERLAY2);
    }

    @Test
    void an_unknown_storage_driver_or_a_missing_value_is_refused_by_name() {
        assertThatThrownBy(() -> EngineMain.parse(new String[] {"--storage-driver", "zfs"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown storage driver 'zfs'");
        assertThatThrownBy(() -> EngineMain.parse(new String[] {"--storage-driver"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--storage-driver needs a value");
    }
}
