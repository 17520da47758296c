package io.gantry.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.core.registry.RegistrySettings;
import io.gantry.core.snapshot.StorageDriver;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The flags of {@code ./gantry engine}. */
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

    @Test
    void registry_flags_become_the_engine_s_registry_settings() {
        EngineConfig config = EngineMain.parse(new String[] {"--data", "/tmp/gantry-flags", "--registry-mirror",
                "http://127.0.0.1:5000", "--insecure-registry", "10.0.0.5:5000", "--registry-certs", "/tmp/certs.d",
                "--index-url", "http://127.0.0.1:6000", "--only-configured-registries"});

        RegistrySettings registries = config.registries();
        assertThat(registries.certsDir()).isEqualTo(Path.of("/tmp/certs.d"));
        assertThat(registries.indexUrl()).isEqualTo(URI.create("http://127.0.0.1:6000"));
        assertThat(registries.configured()).containsExactlyInAnyOrder("127.0.0.1:5000", "10.0.0.5:5000", "127.0.0.1:6000");
        assertThat(registries.configuredOnly()).isTrue();
        assertThat(config.registryMirrors()).containsExactly("http://127.0.0.1:5000");
    }

    @Test
    void by_default_docker_hub_s_index_is_searched_and_gantry_s_certs_directory_trusted() {
        RegistrySettings registries = EngineMain.parse(new String[] {"--data", "/tmp/gantry-flags"}).registries();

        assertThat(registries.indexUrl()).isEqualTo(RegistrySettings.DOCKER_HUB_INDEX);
        assertThat(registries.certsDir()).isEqualTo(EngineConfig.DEFAULT_CERTS_DIR);
        assertThat(registries.configured()).isEmpty();
    }

    @Test
    void an_index_url_that_is_not_http_is_refused_with_the_flag_named() {
        assertThatThrownBy(() -> EngineMain.parse(new String[] {"--index-url", "index.docker.io"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--index-url needs a URL such as https://index.docker.io, not index.docker.io");
    }
}
