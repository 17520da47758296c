package io.gantry.console.app.ui;

import static io.gantry.console.testing.Components.find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import io.gantry.console.app.AppService;
import io.gantry.console.app.Limits;
import io.gantry.console.app.RestartPolicy;
import io.gantry.console.app.ServicePort;
import io.gantry.console.template.EnvVar;
import io.gantry.console.template.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service editor's form read back into a service, as the user left its tabs. */
class ServiceFormTest {

    static final AppService WEB = AppService.builder("web", "wordpress:6").port(new ServicePort("127.0.0.1", 8080, 80,
            Protocol.TCP)).port(ServicePort.of(null, 443)).env("WORDPRESS_DB_HOST", "db").env("WORDPRESS_DB_PASSWORD", "s3cret").link("db", "mysql")
            .volume("html", "/var/www/html").restart(RestartPolicy.parse("unless-stopped"))
            .limits(new Limits("512m", null)).command(List.of("apache2-foreground")).build();

    @Test
    void an_untouched_form_gives_the_service_back_and_never_holds_a_secret() {
        ServiceForm form = new ServiceForm(WEB, List.of("db"));

        assertThat(form.edited()).isEqualTo(WEB);
        TextField secret = (TextField) find(form.environment, "edit-env-value-2");
        assertThat(secret.getValue()).as("the password stays on the server").isEmpty();
    }

    @Test
    void edits_in_the_tabs_change_the_service_and_a_port_keeps_its_host_address() {
        ServiceForm form = new ServiceForm(WEB, List.of("db"));

        ((TextField) find(form.ports, "edit-port-host-1")).setValue("9090");
        form.setSelectedIndex(1);
        ((TextField) find(form.environment, "edit-env-value-2")).setValue("new-secret");
        ((Button) find(form.environment, "edit-env-add")).click();
        ((TextField) find(form.environment, "edit-env-name-3")).setValue("EXTRA");
        form.cpus.setValue("0.5");
        form.restart.setValue("on-failure");
        form.retries.setValue(3);
        form.command.setValue("apache2-foreground -D 'two words'");

        AppService edited = form.edited();
        assertThat(edited.ports()).containsExactly(new ServicePort("127.0.0.1", 9090, 80, Protocol.TCP),
                ServicePort.of(null, 443));
        assertThat(edited.environment()).extracting(EnvVar::name, EnvVar::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("WORDPRESS_DB_HOST", "db"),
                org.assertj.core.groups.Tuple.tuple("WORDPRESS_DB_PASSWORD", "new-secret"),
                org.assertj.core.groups.Tuple.tuple("EXTRA", ""));
        assertThat(edited.limits()).isEqualTo(new Limits("512m", "0.5"));
        assertThat(edited.restart()).isEqualTo(new RestartPolicy("on-failure", 3));
        assertThat(edited.command()).containsExactly("apache2-foreground", "-D", "two words");
        assertThat(edited.links()).isEqualTo(WEB.links());
    }

    @Test
    void a_value_that_does_not_parse_is_marked_on_its_field() {
        ServiceForm form = new ServiceForm(WEB, List.of("db"));
        form.memory.setValue("lots");

        assertThatThrownBy(form::edited).isInstanceOf(ServiceForm.InvalidInput.class).hasMessageContaining("lots");
        assertThat(form.memory.isInvalid()).isTrue();

        form.memory.setValue("1g");
        ((TextField) find(form.ports, "edit-port-container-1")).setValue("eighty");
        assertThatThrownBy(form::edited).hasMessageContaining("eighty");
        assertThat(((TextField) find(form.ports, "edit-port-host-1")).isInvalid()).isTrue();
        assertThat(form.memory.isInvalid()).isFalse();
    }
}
