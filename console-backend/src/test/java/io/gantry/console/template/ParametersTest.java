package io.gantry.console.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParametersTest {

    static final Template WORDPRESS = Fixtures.pmx("templates/wordpress.pmx");

    @Test
    void placeholders_used_in_several_services_become_one_parameter_labelled_by_the_variable_that_declares_it() {
        List<Parameter> parameters = Parameters.of(WORDPRESS);

        Parameter password = parameter(parameters, "DB_PASSWORD");
        assertThat(password.label()).isEqualTo("Database password");
        assertThat(password.required()).isTrue();
        assertThat(password.secret()).isTrue();
        assertThat(password.requiredMessage()).isEqualTo("Choose a password for the WordPress database user");
        assertThat(parameter(parameters, "DB_ROOT_PASSWORD").secret()).isTrue();
        assertThat(parameter(parameters, "DB_USER").defaultValue()).isEqualTo("wordpress");
        assertThat(parameter(parameters, "DB_USER").secret()).isFalse();
        assertThat(parameters).filteredOn(p -> p.key().equals("DB_PASSWORD")).hasSize(1);
    }

    @Test
    void a_variable_without_placeholder_is_a_parameter_of_its_service_with_its_value_as_default() {
        Parameter host = parameter(Parameters.of(WORDPRESS), "wordpress.WORDPRESS_DB_HOST");

        assertThat(host.service()).isEqualTo("wordpress");
        assertThat(host.defaultValue()).isEqualTo("db:3306");
        assertThat(host.required()).isFalse();
        assertThat(host.description()).contains("MariaDB server");
    }

    @Test
    void applying_values_fills_placeholders_everywhere_and_uses_defaults() {
        Template concrete = Parameters.apply(WORDPRESS, Map.of("DB_PASSWORD", "s3cret pass", "DB_ROOT_PASSWORD", "r00t",
                "wordpress.WORDPRESS_DB_HOST", "mariadb:3306"));

        TemplateImage wp = concrete.image("wordpress").orElseThrow();
        TemplateImage db = concrete.image("db").orElseThrow();
        assertThat(env(wp, "WORDPRESS_DB_PASSWORD")).isEqualTo("s3cret pass");
        assertThat(env(db, "MARIADB_PASSWORD")).isEqualTo("s3cret pass");
        assertThat(env(wp, "WORDPRESS_DB_USER")).isEqualTo("wordpress");
        assertThat(env(wp, "WORDPRESS_DB_HOST")).isEqualTo("mariadb:3306");
        assertThat(env(wp, "WORDPRESS_CONFIG_EXTRA")).contains("$_SERVER['HTTP_HOST']");
        assertThat(Parameters.of(concrete)).noneMatch(p -> p.service() == null);
    }

    @Test
    void placeholders_in_ports_commands_and_volumes_are_parameters_too() {
        Template t = Template.of("t", List.of(TemplateImage.builder("web", "nginx:${TAG:-1.27}")
                .port(new PortMapping(null, "${WEB_PORT:-8080}", "80", Protocol.TCP, Origin.none()))
                .command(List.of("serve", "--root=${ROOT}")).volume("${DATA:-site}", "/srv").build()));

        assertThat(Parameters.of(t)).extracting(Parameter::key).containsExactlyInAnyOrder("TAG", "WEB_PORT", "ROOT", "DATA");

        TemplateImage web = Parameters.apply(t, Map.of("ROOT", "/www", "WEB_PORT", "9090")).images().get(0);
        assertThat(web.image()).isEqualTo("nginx:1.27");
        assertThat(web.ports().get(0).hostPort()).isEqualTo("9090");
        assertThat(web.command()).containsExactly("serve", "--root=/www");
        assertThat(web.volumes().get(0).source()).isEqualTo("site");
    }

    @Test
    void required_parameters_must_be_filled_and_the_message_says_why() {
        assertThatThrownBy(() -> Parameters.apply(WORDPRESS, Map.of("DB_PASSWORD", "x")))
                .isInstanceOf(MissingParameterException.class)
                .hasMessage("Fill in the required parameters: Database root password: Choose a password for "
                        + "MariaDB's root account.")
                .extracting(e -> ((MissingParameterException) e).keys()).isEqualTo(List.of("DB_ROOT_PASSWORD"));
    }

    @Test
    void a_required_variable_without_value_must_be_filled() {
        Template t = Template.of("t", List.of(TemplateImage.builder("web", "nginx").environment(List.of(
                new EnvVar("API_URL", null, "API address", null, true, Origin.none()))).build()));

        assertThatThrownBy(() -> Parameters.apply(t, Map.of()))
                .hasMessage("Fill in the required parameters: API address is required.");
        assertThat(env(Parameters.apply(t, Map.of("web.API_URL", "http://api")).images().get(0), "API_URL"))
                .isEqualTo("http://api");
    }

    @Test
    void names_that_look_like_secrets_are_marked_secret() {
        assertThat(List.of("DB_PASSWORD", "api_token", "SECRET", "AWS_ACCESS_KEY_ID", "GITEA__database__PASSWD"))
                .allMatch(Parameter::looksSecret);
        assertThat(List.of("DB_USER", "PORT", "url")).noneMatch(Parameter::looksSecret);
    }

    @Test
    void exports_leave_out_secret_values_unless_asked() {
        Template concrete = Template.of("t", List.of(TemplateImage.builder("db", "mariadb:11")
                .env("MARIADB_PASSWORD", "hunter2").env("MARIADB_USER", "wp")
                .env("API_TOKEN", "${TOKEN:-abc123}").build()));

        String pmx = PmxWriter.write(Parameters.withoutSecrets(concrete));

        assertThat(pmx).doesNotContain("hunter2", "abc123").contains("value: wp", "value: ${TOKEN}");
        assertThat(PmxWriter.write(concrete)).contains("hunter2");
    }

    private static Parameter parameter(List<Parameter> parameters, String key) {
        return parameters.stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow();
    }

    private static String env(TemplateImage image, String name) {
        return image.environment().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow().value();
    }
}
