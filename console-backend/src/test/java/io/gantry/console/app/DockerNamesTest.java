package io.gantry.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DockerNamesTest {

    @Test
    void a_slug_keeps_letters_and_digits_and_joins_the_rest_with_single_dashes() {
        assertThat(DockerNames.slug("My  WordPress (test)!")).isEqualTo("my-wordpress-test");
        assertThat(DockerNames.slug("--Été 2024--")).isEqualTo("t-2024");
        assertThat(DockerNames.slug("***")).isEqualTo("app");
    }

    @Test
    void a_long_name_is_cut_without_a_trailing_dash_and_alternatives_stay_within_the_limit() {
        String slug = DockerNames.slug("a".repeat(39) + " b c");
        assertThat(slug).hasSize(39).doesNotEndWith("-");
        String alt = DockerNames.alternative("x".repeat(40), 12);
        assertThat(alt).hasSize(40).endsWith("-12");
        assertThat(DockerNames.isSlug(alt)).isTrue();
    }

    @Test
    void container_and_volume_names_are_valid_for_docker() {
        assertThat(DockerNames.container("blog", "web_1.a")).isEqualTo("blog-web_1.a");
        assertThat(DockerNames.volume("blog", "my data")).isEqualTo("blog_my_data");
        assertThat(DockerNames.pathVolume("blog", "db", "/var/lib/mysql/")).isEqualTo("blog_db_var_lib_mysql");
        assertThat(DockerNames.pathVolume("blog", "db", "/")).isEqualTo("blog_db_root");
        assertThat((DockerNames.container("blog", "x") + DockerNames.volume("b", "_v")))
                .matches("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
        assertThat(DockerNames.volume("b", "_v")).isEqualTo("b_x_v");
    }
}
