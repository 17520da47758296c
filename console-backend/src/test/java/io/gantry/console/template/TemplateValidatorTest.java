package io.gantry.console.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.console.template.ValidationReport.DangerKind;
import io.gantry.console.template.ValidationReport.Problem;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateValidatorTest {

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("unknown-link", "web", "links",
                        "Service 'web', links: 'database' is not a service of this template."),
                Arguments.of("unknown-volumes-from", "web", "volumes_from",
                        "Service 'web', volumes_from: 'data' is not a service of this template."),
                Arguments.of("unknown-depends-on", "web", "depends_on",
                        "Service 'web', depends_on: 'cache' is not a service of this template."),
                Arguments.of("self-link", "web", "links", "Service 'web', links: a service cannot refer to itself."),
                Arguments.of("cycle", "a", "links", "Services a -> b -> c -> a depend on each other in a cycle "
                        + "(through links, depends_on or volumes_from), so none can start first."),
                Arguments.of("duplicate-host-port", "admin", "ports",
                        "Service 'admin', ports: host port 8080/TCP is already published by service 'web'."),
                Arguments.of("port-out-of-range", "web", "ports",
                        "Service 'web', ports: the host port 70000 is out of range (1-65535)."),
                Arguments.of("missing-image", "web", "source", "Service 'web', source: no image is given."),
                Arguments.of("invalid-image", "web", "source", "Service 'web', source: 'Nginx:latest!' is not a valid "
                        + "image reference (like mariadb:11 or registry.example.com/team/app:1.0)."),
                Arguments.of("invalid-service-name", "web server", "name", "Service 'web server', name: use letters, "
                        + "digits, '.', '_' or '-' (starting with a letter or digit, at most 63)."),
                Arguments.of("missing-template-name", null, "name", "The template has no name."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void each_problem_is_reported_with_its_service_and_field(String fixture, String service, String field,
                                                             String message) {
        Template template = Fixtures.pmx("template/invalid/" + fixture + ".pmx");

        ValidationReport report = TemplateValidator.validate(template);

        assertThat(report.isValid()).isFalse();
        assertThat(report.problems()).containsExactly(new Problem(service, field, message));
    }

    static Stream<Arguments> dangerous() {
        return Stream.of(
                Arguments.of("host-path", DangerKind.HOST_PATH, "Service 'agent' mounts the host's /var/run/docker.sock "
                        + "at /var/run/docker.sock: it can read and change those host files."),
                Arguments.of("privileged", DangerKind.PRIVILEGED,
                        "Service 'agent' runs privileged: it has full control of the host."),
                Arguments.of("capabilities", DangerKind.CAPABILITIES,
                        "Service 'agent' asks for the extra capabilities NET_ADMIN, SYS_TIME."),
                Arguments.of("host-network", DangerKind.HOST_NETWORK,
                        "Service 'agent' uses the host's network: it can reach and serve every host interface."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dangerous")
    void a_template_that_reaches_the_host_is_valid_but_flagged_dangerous(String fixture, DangerKind kind,
                                                                          String message) {
        ValidationReport report = TemplateValidator.validate(Fixtures.pmx("template/dangerous/" + fixture + ".pmx"));

        assertThat(report.isValid()).isTrue();
        assertThat(report.isDangerous()).isTrue();
        assertThat(report.dangers()).containsExactly(new ValidationReport.Danger("agent", kind, message));
    }

    static Stream<String> bundled() {
        return Fixtures.bundledNames().stream();
    }

    @ParameterizedTest
    @MethodSource("bundled")
    void every_bundled_template_validates_without_dangers_and_its_documentation_renders(String file) {
        Template template = Fixtures.pmx("templates/" + file);

        ValidationReport report = TemplateValidator.validate(template);

        assertThat(report.problems()).isEmpty();
        assertThat(report.dangers()).isEmpty();
        assertThat(template.description()).isNotBlank();
        assertThat(template.documentation()).hasSizeGreaterThan(40);
        assertThat(Documentation.toHtml(template.documentation())).startsWith("<h1>").contains("<p>");
    }
}
