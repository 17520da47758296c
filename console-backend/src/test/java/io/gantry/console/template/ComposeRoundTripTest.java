package io.gantry.console.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ComposeRoundTripTest {

    static Stream<String> bundled() {
        return Fixtures.bundledNames().stream();
    }

    @ParameterizedTest
    @MethodSource("bundled")
    void a_bundled_template_goes_to_compose_and_back_with_services_ports_env_volumes_and_links(String file) {
        Template pmx = Fixtures.pmx("templates/" + file);

        String compose = ComposeWriter.write(pmx);
        Template back = ComposeReader.read(compose, "docker-compose.yml", "x").template();

        assertThat(back.name()).isEqualTo(pmx.name());
        assertThat(back.documentation()).isEqualTo(pmx.documentation());
        assertThat(back.images()).hasSameSizeAs(pmx.images());
        for (int i = 0; i < pmx.images().size(); i++) {
            TemplateImage a = pmx.images().get(i);
            TemplateImage b = back.images().get(i);
            assertThat(b.name()).isEqualTo(a.name());
            assertThat(b.image()).isEqualTo(a.image());
            assertThat(b.command()).isEqualTo(a.command());
            assertThat(b.ports()).isEqualTo(a.ports());
            assertThat(b.environment()).extracting(EnvVar::name, EnvVar::value)
                    .isEqualTo(a.environment().stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.name(), e.value()))
                            .toList());
            assertThat(b.volumes()).isEqualTo(a.volumes());
            assertThat(b.links()).isEqualTo(a.links());
            assertThat(b.restart()).isEqualTo(a.restart());
            assertThat(b.category()).isEqualTo(a.category());
        }
        String pmxAgain = PmxWriter.write(back);
        assertThat(PmxReader.read(pmxAgain, "again").images()).extracting(TemplateImage::links)
                .isEqualTo(pmx.images().stream().map(TemplateImage::links).toList());
    }

    @ParameterizedTest
    @MethodSource("bundled")
    void a_bundled_template_written_as_compose_reads_and_writes_back_the_same(String file) {
        String compose = ComposeWriter.write(Fixtures.pmx("templates/" + file));

        String again = ComposeWriter.write(ComposeReader.read(compose, "c.yml", "x").template());

        assertThat(SafeYaml.load(again, "again")).isEqualTo(SafeYaml.load(compose, "first"));
    }

    @Test
    void every_compose_form_is_read() {
        Template t = ComposeReader.read(Fixtures.text("template/compose-forms.yml"), "compose-forms.yml", "forms")
                .template();
        TemplateImage web = t.image("web").orElseThrow();
        TemplateImage app = t.image("app").orElseThrow();

        assertThat(t.name()).isEqualTo("forms");
        assertThat(web.command()).containsExactly("nginx", "-g", "daemon off;");
        assertThat(web.entrypoint()).containsExactly("/docker-entrypoint.sh");
        assertThat(web.ports()).containsExactly(PortMapping.of(8080, 80, Protocol.TCP),
                new PortMapping(null, null, "443", Protocol.TCP, Origin.none()),
                new PortMapping("127.0.0.1", "9000", "9000", Protocol.UDP, Origin.none()),
                PortMapping.of(18443, 8443, Protocol.TCP));
        assertThat(web.environment()).containsExactly(EnvVar.of("NGINX_HOST", "example.com"),
                EnvVar.of("FROM_SHELL", null), EnvVar.of("PRICE", "$5"));
        assertThat(web.volumes()).containsExactly(new VolumeMount("site", "/usr/share/nginx/html", true, Origin.none()),
                VolumeMount.of(null, "/var/cache/nginx"), VolumeMount.of("logs", "/var/log/nginx"));
        assertThat(web.dependsOn()).containsExactly("app");
        assertThat(web.links()).containsExactly(ServiceLink.of("app", "backend"));
        assertThat(web.restart()).isEqualTo("unless-stopped");
        assertThat(web.memoryLimit()).isEqualTo("256m");
        assertThat(web.cpus()).isEqualTo("0.5");
        assertThat(app.command()).containsExactly("./run", "--port", "${APP_PORT:-3000}");
        assertThat(app.environment()).containsExactly(EnvVar.of("APP_PORT", "3000"), EnvVar.of("DEBUG", "false"),
                EnvVar.of("SECRET_TOKEN", null));
        assertThat(app.deploymentCount()).isEqualTo(2);
        assertThat(app.memoryLimit()).isEqualTo("512M");
        assertThat(app.cpus()).isEqualTo("1.5");
        assertThat(TemplateValidator.validate(t).problems()).isEmpty();
    }

    @Test
    void a_compose_file_reads_and_writes_back_as_written_with_its_unknown_fields() {
        String original = Fixtures.text("template/compose-forms.yml");

        ComposeReader.ComposeImport read = ComposeReader.read(original, "compose-forms.yml", "forms");
        String written = ComposeWriter.write(read.template());

        Object expected = SafeYaml.load(original, "original");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> actual = (java.util.Map<String, Object>) SafeYaml.load(written, "written");
        assertThat(actual.remove("x-gantry")).isEqualTo(java.util.Map.of("name", "forms"));
        assertThat(actual).isEqualTo(expected);
        assertThat(read.warnings()).containsExactly("Service web: healthcheck is not supported and is ignored when it runs.");
    }

    @Test
    void an_env_file_is_refused_with_a_clear_message() {
        String compose = "services:\n  web:\n    image: nginx\n    env_file: .env\n";

        assertThatThrownBy(() -> ComposeReader.read(compose, "c.yml", "x"))
                .isInstanceOf(TemplateFormatException.class)
                .hasMessage("service web, env_file: variables from other files cannot travel with a template; "
                        + "write them under environment instead.");
    }

    @Test
    void networks_other_than_the_default_are_reported_as_not_supported() {
        String compose = """
                services:
                  web:
                    image: nginx
                    networks: [front, default]
                networks:
                  front: {}
                """;

        assertThat(ComposeReader.read(compose, "c.yml", "x").warnings()).containsExactly(
                "Network front is not supported: every service joins the application's own network.",
                "Service web: network front is not supported: the service joins the application's own network.");
    }

    @Test
    void dollars_are_escaped_for_compose_but_placeholders_stay() {
        Template t = Template.of("t", List.of(TemplateImage.builder("wp", "wordpress")
                .env("EXTRA", "define('WP_HOME', 'http://' . $_SERVER['HTTP_HOST']);")
                .env("PASSWORD", "${DB_PASSWORD:?set it}").build()));

        String compose = ComposeWriter.write(t);

        assertThat(compose).contains("$$_SERVER", "${DB_PASSWORD:?set it}");
        assertThat(ComposeReader.read(compose, "c", "t").template().images().get(0).environment())
                .isEqualTo(t.images().get(0).environment());
    }
}
