package io.gantry.console.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class TemplateLibraryTest {

    @Autowired
    TemplateLibrary library;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void noUserTemplates() {
        jdbc.update("DELETE FROM templates");
    }

    @Test
    void the_bundled_templates_come_from_the_jar() {
        assertThat(library.list()).filteredOn(TemplateEntry::bundled).extracting(TemplateEntry::id)
                .contains("bundled:wordpress", "bundled:ghost", "bundled:nextcloud", "bundled:gitea",
                        "bundled:nginx-static");
        assertThat(library.get("bundled:wordpress").template().images()).extracting(TemplateImage::image)
                .containsExactly("wordpress:6-apache", "mariadb:11");
    }

    @Test
    void an_uploaded_pmx_is_stored_and_downloads_as_it_was_written() {
        byte[] file = Fixtures.text("template/quirks.pmx").getBytes(StandardCharsets.UTF_8);

        TemplateLibrary.Upload upload = library.upload("quirks.pmx", file);

        assertThat(upload.entry().id()).startsWith("user:");
        assertThat(upload.report().isDangerous()).isTrue();
        TemplateEntry stored = library.get(upload.entry().id());
        assertThat(stored.bundled()).isFalse();
        assertThat(stored.template()).isEqualTo(upload.entry().template());
        assertThat(SafeYaml.load(library.downloadPmx(stored.id(), true), "download"))
                .isEqualTo(SafeYaml.load(Fixtures.text("template/quirks.pmx"), "original"));
    }

    @Test
    void an_uploaded_compose_file_is_named_after_the_file_and_reports_what_it_ignores() {
        byte[] file = Fixtures.text("template/compose-forms.yml").getBytes(StandardCharsets.UTF_8);

        TemplateLibrary.Upload upload = library.upload("shop.yml", file);

        assertThat(upload.entry().template().name()).isEqualTo("shop");
        assertThat(library.get(upload.entry().id()).template().name()).as("read back from the database")
                .isEqualTo("shop");
        assertThat(upload.warnings()).hasSize(1);
        String compose = library.downloadCompose(upload.entry().id(), true);
        assertThat(compose).contains("healthcheck:", "x-custom: kept");
        assertThat(library.downloadPmx(upload.entry().id(), true)).contains("source: nginx:1.27");
    }

    @Test
    void an_invalid_upload_is_refused_with_each_problem() {
        byte[] file = Fixtures.text("template/invalid/unknown-link.pmx").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> library.upload("bad.pmx", file))
                .isInstanceOf(TemplateRejectedException.class)
                .hasMessage("bad.pmx is not a valid template: Service 'web', links: 'database' is not a service of "
                        + "this template.");
        assertThat(library.list()).noneMatch(e -> !e.bundled());
    }

    @Test
    void an_oversized_or_binary_upload_is_refused_before_parsing() {
        assertThatThrownBy(() -> library.upload("big.pmx", new byte[50 * 1024 * 1024]))
                .isInstanceOf(TemplateFormatException.class).hasMessageContaining("too large");
        assertThatThrownBy(() -> library.upload("bin.pmx", new byte[] {(byte) 0xff, (byte) 0xfe, 0}))
                .hasMessage("bin.pmx: not UTF-8 text.");
    }

    @Test
    void downloads_leave_out_secret_values_unless_asked() {
        Template withSecret = Template.of("Secretive", List.of(TemplateImage.builder("db", "mariadb:11")
                .env("MARIADB_ROOT_PASSWORD", "hunter2").build()));
        TemplateEntry saved = library.save(withSecret, true);

        assertThat(library.downloadPmx(saved.id(), false)).doesNotContain("hunter2");
        assertThat(library.downloadCompose(saved.id(), false)).doesNotContain("hunter2");
        assertThat(library.downloadPmx(saved.id(), true)).contains("hunter2");
        assertThat(library.save(withSecret, false).template().images().get(0).environment().get(0).value()).isEmpty();
    }

    @Test
    void only_user_templates_can_be_deleted() {
        String id = library.upload("t.pmx", "name: Mine\nimages:\n  - name: web\n    source: nginx\n"
                .getBytes(StandardCharsets.UTF_8)).entry().id();

        library.delete(id);

        assertThat(library.find(id)).isEmpty();
        assertThatThrownBy(() -> library.delete("bundled:wordpress"))
                .isInstanceOf(TemplateRejectedException.class)
                .hasMessage("The template WordPress with MariaDB ships with Gantry and cannot be deleted.");
        assertThatThrownBy(() -> library.delete(id)).isInstanceOf(TemplateNotFoundException.class);
    }

    @Test
    void search_matches_name_description_and_keywords_case_insensitively() {
        library.upload("t.pmx", ("name: Team wiki\ndescription: A place for notes\nkeywords: docs, WordPress\n"
                + "images:\n  - name: web\n    source: nginx\n").getBytes(StandardCharsets.UTF_8));

        assertThat(library.search("wordpress")).extracting(e -> e.template().name())
                .containsExactly("Team wiki", "WordPress with MariaDB");
        assertThat(library.search("NOTES")).extracting(e -> e.template().name()).containsExactly("Team wiki");
        assertThat(library.search("git postgresql")).extracting(TemplateEntry::id).containsExactly("bundled:gitea");
        assertThat(library.search(" ")).hasSize(library.list().size());
    }

    @Test
    void the_keyword_cloud_counts_templates_per_keyword() {
        library.upload("t.pmx", ("name: Another blog\nkeywords: Blog, blog, mariadb\n"
                + "images:\n  - name: web\n    source: nginx\n").getBytes(StandardCharsets.UTF_8));

        assertThat(library.keywordCloud()).containsEntry("blog", 3).containsEntry("mariadb", 3)
                .containsEntry("gitea", 1);
    }

    @Test
    void documentation_renders_as_safe_html() {
        assertThat(library.documentationHtml("bundled:wordpress")).contains("<h1>WordPress with MariaDB</h1>",
                "<code>WORDPRESS_CONFIG_EXTRA</code>");
    }
}
