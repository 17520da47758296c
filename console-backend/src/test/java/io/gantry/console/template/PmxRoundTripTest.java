package io.gantry.console.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PmxRoundTripTest {

    static Stream<String> bundled() {
        return Fixtures.bundledNames().stream();
    }

    @ParameterizedTest
    @MethodSource("bundled")
    void a_bundled_template_reads_and_writes_back_to_the_same_document(String file) {
        String original = Fixtures.text("templates/" + file);

        Template template = PmxReader.read(original, file);
        String written = PmxWriter.write(template);

        assertThat(SafeYaml.load(written, "written")).isEqualTo(SafeYaml.load(original, "original"));
        assertThat(PmxReader.read(written, "written")).isEqualTo(template);
    }

    @Test
    void every_panamax_quirk_survives_a_round_trip_as_written() {
        String original = Fixtures.text("template/quirks.pmx");

        String written = PmxWriter.write(PmxReader.read(original, "quirks.pmx"));

        assertThat(SafeYaml.load(written, "written")).isEqualTo(SafeYaml.load(original, "original"));
        assertThat(written).contains("host_port: '8080'", "host_port: null", "value: 'yes'", "type: wordpress",
                "recommended: true", "x-unknown: kept", "x-note: unknown per-variable field", "ports: []",
                "sh -c 'echo \"hello world\" && exec apache2-foreground' --flag=\"a b\"");
    }

    @Test
    void quirks_read_into_the_model_as_they_mean() {
        Template t = Fixtures.pmx("template/quirks.pmx");
        TemplateImage web = t.image("web").orElseThrow();

        assertThat(t.keywords()).containsExactly("quirks", "test", "panamax");
        assertThat(t.type()).isEqualTo("wordpress");
        assertThat(web.command()).containsExactly("sh", "-c", "echo \"hello world\" && exec apache2-foreground",
                "--flag=a b");
        assertThat(web.ports()).extracting(PortMapping::hostPort, PortMapping::containerPort, PortMapping::protocol)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("8080", "80", Protocol.TCP),
                        org.assertj.core.groups.Tuple.tuple(null, "443", Protocol.TCP),
                        org.assertj.core.groups.Tuple.tuple("9000", "9000", Protocol.UDP));
        assertThat(web.ports().get(2).hostInterface()).isEqualTo("127.0.0.1");
        assertThat(web.expose()).containsExactly("8443", "8444");
        assertThat(web.environment()).extracting(EnvVar::name, EnvVar::value, EnvVar::required)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DB_PASSWORD", null, true),
                        org.assertj.core.groups.Tuple.tuple("EMPTY", "", false),
                        org.assertj.core.groups.Tuple.tuple("NUMBER", "42", false),
                        org.assertj.core.groups.Tuple.tuple("WORDY", "yes", false));
        assertThat(web.volumes()).extracting(VolumeMount::source).containsExactly(null, "/srv/uploads");
        assertThat(web.links()).containsExactly(ServiceLink.of("db", "DB_1"));
        assertThat(web.deploymentCount()).isEqualTo(2);
        assertThat(web.category()).isEqualTo("Web Tier (frontend)");
        assertThat(t.image("db").orElseThrow().ports()).isEmpty();
    }

    @Test
    void a_changed_field_is_written_anew_while_the_rest_keeps_its_form() {
        Template t = Fixtures.pmx("template/quirks.pmx");
        TemplateImage web = t.image("web").orElseThrow();
        List<PortMapping> ports = new java.util.ArrayList<>(web.ports());
        PortMapping first = ports.get(0);
        ports.set(0, new PortMapping(null, "8081", first.containerPort(), first.protocol(), first.origin()));
        Template changed = t.withImages(List.of(web.toBuilder().ports(ports).command(List.of("apache2", "-X")).build(),
                t.images().get(1)));

        String written = PmxWriter.write(changed);

        assertThat(written).contains("host_port: 8081", "container_port: '80'", "command: apache2 -X",
                "host_port: null", "x-unknown: kept");
        assertThat(PmxReader.read(written, "w")).isEqualTo(changed);
    }

    @Test
    void a_template_made_in_the_console_is_written_as_panamax_writes_it() {
        Template t = Template.of("Made here", List.of(TemplateImage.builder("web", "nginx:1.27")
                .port(PortMapping.of(8080, 80, Protocol.TCP)).env("A", "1").volume(null, "/data")
                .link("db", "db").build(), TemplateImage.builder("db", "redis:7").build()));

        String written = PmxWriter.write(t);

        assertThat(written).startsWith("name: Made here\nimages:\n  - name: web\n    source: nginx:1.27\n")
                .contains("host_port: 8080\n        container_port: 80\n", "- variable: A\n        value: '1'");
        assertThat(PmxReader.read(written, "w")).isEqualTo(t);
    }
}
