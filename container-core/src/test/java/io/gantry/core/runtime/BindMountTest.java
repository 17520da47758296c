package io.gantry.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.core.errors.FailedPreconditionException;
import io.gantry.core.snapshot.ChainId;
import io.gantry.core.testing.BusyboxEngine;
import io.gantry.core.testing.Privileged;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@Privileged
class BindMountTest {

    BusyboxEngine engine;
    Path host;

    @BeforeEach
    void engine() throws Exception {
        engine = new BusyboxEngine();
        host = Files.createDirectories(engine.root.resolve("host-side"));
    }

    @AfterEach
    void cleanUp() throws Exception {
        engine.close();
    }

    @Test
    void a_bound_directory_is_shared_with_the_host_and_a_read_only_one_refuses_writes() throws Exception {
        Path data = Files.createDirectories(host.resolve("data"));
        Path config = Files.createDirectories(host.resolve("config"));
        Files.writeString(config.resolve("app.conf"), "setting=1\n");
        Path hosts = Files.writeString(host.resolve("hosts"), "127.0.0.1 localhost\n10.0.0.9 db\n");

        String out = run(ContainerSpec.builder(List.of(BusyboxEngine.LAYER), "sh", "-c",
                        "echo written > /data/file; cat /config/app.conf; echo nope > /config/x || echo refused; "
                                + "grep db /etc/hosts; grep ' / ' /proc/mounts | wc -l")
                .bind(data.toString(), "/data", false)
                .bind(config.toString(), "/config", true)
                .bind(hosts.toString(), "/etc/hosts", true));

        assertThat(Files.readString(data.resolve("file"))).isEqualTo("written\n");
        assertThat(out).contains("setting=1").contains("refused").contains("10.0.0.9 db");
        assertThat(Files.exists(config.resolve("x"))).isFalse();
    }

    @Test
    void a_target_an_images_symlink_leads_into_proc_is_refused() throws Exception {
        ChainId evil = ChainId.parse("sha256:" + "e".repeat(64));
        Path staging = engine.snapshotter.newStagingDir();
        Files.createSymbolicLink(staging.resolve("evil"), Path.of("/proc/sys/kernel"));
        engine.snapshotter.commitLayer(evil, staging);
        Path data = Files.createDirectories(host.resolve("data"));

        String id = engine.runtime.create(ContainerSpec.builder(List.of(BusyboxEngine.LAYER, evil), "true")
                .bind(data.toString(), "/evil", false).build());

        assertThatThrownBy(() -> engine.runtime.start(id)).isInstanceOf(FailedPreconditionException.class)
                .hasMessageContaining("resolves to /proc/sys/kernel");
        engine.runtime.delete(id, true);
    }

    private String run(ContainerSpec.Builder spec) {
        String id = engine.runtime.create(spec.build());
        try {
            engine.runtime.start(id);
            assertThat(engine.runtime.wait(id, Duration.ofSeconds(30))).isPresent();
            return engine.runtime.logs(id).stream().map(LogEntry::text).collect(Collectors.joining());
        } finally {
            engine.runtime.delete(id, true);
        }
    }
}
