package io.gantry.console.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class HostileInputTest {

    @Test
    void a_yaml_alias_bomb_is_refused_quickly() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char prev = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(prev);
            for (int i = 0; i < 8; i++) {
                bomb.append(",*").append(prev);
            }
            bomb.append("]\n");
        }
        bomb.append("name: bomb\nimages: *j\n");

        long start = System.nanoTime();
        assertThatThrownBy(() -> PmxReader.read(bomb.toString(), "bomb.pmx"))
                .isInstanceOf(TemplateFormatException.class)
                .hasMessage("bomb.pmx: uses more than 50 aliases of lists or mappings, as a YAML alias bomb does; refused.");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void a_50_megabyte_document_is_refused_before_parsing() {
        String huge = "name: big\ndescription: " + "x".repeat(50 * 1024 * 1024) + "\n";

        long start = System.nanoTime();
        assertThatThrownBy(() -> PmxReader.read(huge, "big.pmx"))
                .isInstanceOf(TemplateFormatException.class)
                .hasMessage("big.pmx: 51200 KB is too large for a template (the limit is 2 MB); refused.");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void deeply_nested_structures_are_refused() {
        String deep = "name: deep\nimages: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";

        assertThatThrownBy(() -> PmxReader.read(deep, "deep.pmx"))
                .isInstanceOf(TemplateFormatException.class)
                .hasMessage("deep.pmx: nested deeper than 40 levels; refused.");
    }

    @Test
    void deeply_nested_block_mappings_are_refused_in_compose_too() {
        StringBuilder deep = new StringBuilder("services:\n");
        for (int i = 0; i < 100; i++) {
            deep.append("  ".repeat(i + 1)).append("k").append(i).append(":\n");
        }
        assertThatThrownBy(() -> ComposeReader.read(deep.toString(), "c.yml", "c"))
                .isInstanceOf(TemplateFormatException.class).hasMessageContaining("nested deeper than 40 levels");
    }

    @Test
    void duplicate_keys_and_broken_yaml_are_reported_with_the_file_name() {
        assertThatThrownBy(() -> PmxReader.read("name: a\nname: b\n", "dup.pmx"))
                .isInstanceOf(TemplateFormatException.class).hasMessageStartingWith("dup.pmx: not valid YAML:")
                .hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> PmxReader.read("name: [unclosed\n", "broken.pmx"))
                .hasMessageStartingWith("broken.pmx: not valid YAML:");
    }

    @Test
    void yaml_tags_cannot_build_java_objects() {
        assertThatThrownBy(() -> PmxReader.read("name: !!javax.script.ScriptEngineManager [x]\n", "evil.pmx"))
                .isInstanceOf(TemplateFormatException.class).hasMessageStartingWith("evil.pmx: not valid YAML:");
    }

    @Test
    void fields_of_the_wrong_shape_are_reported_with_service_and_field() {
        String pmx = "name: t\nimages:\n  - name: web\n    source: nginx\n    ports:\n      - host_port: 80\n";

        assertThatThrownBy(() -> PmxReader.read(pmx, "t.pmx"))
                .hasMessage("service web, ports[0]: container_port is missing.");
        assertThatThrownBy(() -> PmxReader.read("name: t\nimages: {a: 1}\n", "t.pmx"))
                .hasMessage("t.pmx, images: expected a list, found a mapping.");
    }

    @Test
    void script_tags_and_javascript_links_in_documentation_are_neutralised() {
        String html = Documentation.toHtml("""
                # Hi <script>alert(1)</script>

                <img src=x onerror=alert(1)>

                [click](javascript:alert(1)) [ok](https://example.com/a) [data](data:text/html,x) ![i](vbscript:x)
                """);

        assertThat(html).doesNotContain("<script", "<img src=x", "javascript:", "data:text", "vbscript:")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;",
                        "href=\"https://example.com/a\">ok</a>");
    }
}
