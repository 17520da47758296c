package io.gantry.console.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.console.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class MetricsServiceTest {

    @Autowired
    MetricsService metrics;
    @Autowired
    TestEngine engine;

    @Test
    void host_facts_come_from_the_engines_info_and_the_hosts_usage() throws Exception {
        HostFacts facts = metrics.hostFacts();

        assertThat(facts.kernel()).isEqualTo(Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim());
        assertThat(facts.cpus()).isEqualTo(
                (int) Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("processor")).count());
        assertThat(facts.dataRoot()).isEqualTo(engine.dataRoot().toString());
        assertThat(facts.memoryUsedBytes()).isPositive().isLessThan(facts.memoryTotalBytes());
        assertThat(facts.diskFreeBytes()).isPositive();
        assertThat(facts.cgroupMode()).isIn("v1", "v2", "hybrid");
        assertThat(facts.engineUrl()).isEqualTo("unix://" + engine.socket());
    }

    @Test
    void engine_settings_name_the_engine_its_kernel_cgroups_and_registries() throws Exception {
        EngineSettings settings = metrics.engineSettings();

        assertThat(settings.url()).isEqualTo("unix://" + engine.socket());
        assertThat(settings.embedded()).isTrue();
        assertThat(settings.kernel()).isEqualTo(Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim());
        assertThat(settings.cgroupVersion()).isIn("1", "2");
        assertThat(settings.apiVersion()).isEqualTo("1.47");
        assertThat(settings.dataRoot()).isEqualTo(engine.dataRoot().toString());
        assertThat(settings.mirrors()).as("the test engine has no mirror").isEmpty();
    }
}
