package io.gantry.console.base.ui;

import static io.gantry.console.testing.Components.find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import io.gantry.console.template.Protocol;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The rows of list settings, edited as a user would: add, type, rename, remove. */
class RowListTest {

    @Test
    void a_variable_named_like_a_secret_is_masked_and_keeps_what_was_typed_when_renamed() {
        EnvironmentRows rows = new EnvironmentRows("env", List.of(new EnvironmentRows.Row("DB_PASSWORD", "s3cret"),
                new EnvironmentRows.Row("GREETING", "hi")));

        assertThat(masked(rows, "env-value-1")).isTrue();
        assertThat(masked(rows, "env-value-2")).isFalse();
        ((TextField) find(rows, "env-value-2")).setValue("typed before the rename");
        ((TextField) find(rows, "env-name-2")).setValue("API_TOKEN");
        assertThat(masked(rows, "env-value-2")).isTrue();
        assertThat(rows.values()).containsExactly(new EnvironmentRows.Row("DB_PASSWORD", "s3cret"),
                new EnvironmentRows.Row("API_TOKEN", "typed before the rename"));
    }

    private static boolean masked(EnvironmentRows rows, String id) {
        return find(rows, id).getElement().getClassList().contains("gantry-masked");
    }

    @Test
    void rows_are_added_numbered_removed_and_reported_and_blank_ones_are_left_out() {
        PortRows rows = new PortRows("ports", List.of(new PortRows.Row("8080", "80", Protocol.TCP)));
        AtomicInteger changes = new AtomicInteger();
        rows.onChange(changes::incrementAndGet);

        ((Button) find(rows, "ports-add")).click();
        ((TextField) find(rows, "ports-container-2")).setValue("53");
        ((Button) find(rows, "ports-add")).click();
        assertThat(rows.values()).containsExactly(new PortRows.Row("8080", "80", Protocol.TCP),
                new PortRows.Row("", "53", Protocol.TCP));

        ((Button) find(rows, "ports-remove-1")).click();
        assertThat(rows.values()).containsExactly(new PortRows.Row("", "53", Protocol.TCP));
        assertThat(changes.get()).as("two additions, an edit and a removal").isEqualTo(4);
        ((Button) find(rows, "ports-add")).click();
        assertThat(find(rows, "ports-host-4")).as("numbers are not reused").isNotNull();
    }

    @Test
    void a_problem_marks_every_host_port_until_cleared() {
        PortRows rows = new PortRows("ports", List.of(new PortRows.Row("99999", "80", Protocol.TCP)));

        rows.markInvalid("the host port 99999 is out of range (1-65535)");
        TextField host = (TextField) find(rows, "ports-host-1");
        assertThat(host.isInvalid()).isTrue();
        assertThat(host.getErrorMessage()).contains("99999");
        rows.clearMarks();
        assertThat(host.isInvalid()).isFalse();
    }
}
