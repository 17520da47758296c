package io.gantry.console.template.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import io.gantry.console.template.EnvVar;
import io.gantry.console.template.Origin;
import io.gantry.console.template.PortMapping;
import io.gantry.console.template.Protocol;
import io.gantry.console.template.TemplateImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceSummaryTest {

    static final TemplateImage DB = TemplateImage.builder("db", "mariadb:11")
            .port(PortMapping.of(null, 3306, Protocol.TCP))
            .port(new PortMapping("127.0.0.1", "13306", "3306", Protocol.TCP, Origin.none()))
            .environment(List.of(EnvVar.of("MARIADB_DATABASE", "wordpress"), EnvVar.of("MARIADB_ROOT_PASSWORD", "s3cret-root"),
                    EnvVar.of("API_TOKEN", "t0ken"),
                    new EnvVar("MARIADB_PASSWORD", null, "Database password", null, true, Origin.none())))
            .volume("wordpress-db", "/var/lib/mysql")
            .volume("/srv/backup", "/backup")
            .volume(null, "/tmp/cache")
            .link("cache", "redis")
            .build();

    @Test
    void secret_values_never_reach_the_component_tree_only_that_they_are_set() {
        String text = new ServiceSummary(DB).getElement().getTextRecursively();

        assertThat(text).doesNotContain("s3cret-root").doesNotContain("t0ken")
                .contains("MARIADB_ROOT_PASSWORD = ••••••••")
                .contains("API_TOKEN = ••••••••")
                .contains("MARIADB_DATABASE = wordpress")
                .contains("MARIADB_PASSWORD = not set (required)");
    }

    @Test
    void ports_volumes_and_links_read_as_sentences_with_stable_ids() {
        ServiceSummary summary = new ServiceSummary(DB);

        assertThat(summary.getId()).hasValue("service-db");
        assertThat(text(summary, "service-db-image")).isEqualTo("mariadb:11");
        assertThat(text(summary, "service-db-ports"))
                .isEqualTo("automatic host port → 3306/tcp" + "127.0.0.1:13306 → 3306/tcp");
        assertThat(text(summary, "service-db-volumes")).isEqualTo("wordpress-db (named volume) → /var/lib/mysql"
                + "/srv/backup (host path) → /backup" + "anonymous volume → /tmp/cache");
        assertThat(text(summary, "service-db-links")).isEqualTo("cache as redis");
    }

    @Test
    void a_service_without_ports_says_none() {
        ServiceSummary summary = new ServiceSummary(TemplateImage.builder("cache", "redis:7").build());

        assertThat(text(summary, "service-cache-ports")).isEqualTo("none");
        assertThat(text(summary, "service-cache-environment")).isEqualTo("none");
    }

    static String text(Component root, String id) {
        return find(root, id).getElement().getTextRecursively();
    }

    static Component find(Component root, String id) {
        if (root.getId().filter(id::equals).isPresent()) {
            return root;
        }
        return root.getChildren().map(c -> findOrNull(c, id)).filter(java.util.Objects::nonNull).findFirst()
                .orElseThrow(() -> new AssertionError("no component with id " + id));
    }

    private static Component findOrNull(Component root, String id) {
        try {
            return find(root, id);
        } catch (AssertionError notHere) {
            return null;
        }
    }
}
