package io.gantry.console.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.gantry.console.template.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Published ports as editable rows (host port, container port, protocol) with add and remove. An empty host port
 * lets the engine choose one. Fields get ids {@code <prefix>-host-<n>}, {@code <prefix>-container-<n>}, ... where
 * {@code n} counts rows as they were added.
 */
public class PortRows extends Div {

    /** One row as typed; the numbers are checked by whoever takes them. */
    public record Row(String hostPort, String containerPort, Protocol protocol) {
        public Row {
            Objects.requireNonNull(hostPort, "hostPort");
            Objects.requireNonNull(containerPort, "containerPort");
            Objects.requireNonNull(protocol, "protocol");
        }
    }

    private final String prefix;
    private final Div rows = new Div();
    private final List<Fields> fields = new ArrayList<>();
    private int added;

    public PortRows(String prefix, List<Row> initial) {
        this.prefix = prefix;
        setId(prefix);
        addClassName("gantry-rows");
        Button add = new Button("Add port", VaadinIcon.PLUS.create(), e -> add(new Row("", "", Protocol.TCP)));
        add.setId(prefix + "-add");
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        add(rows, add);
        initial.forEach(this::add);
    }

    public List<Row> rows() {
        return fields.stream().map(f -> new Row(f.host.getValue().strip(), f.container.getValue().strip(),
                f.protocol.getValue())).filter(r -> !r.hostPort().isEmpty() || !r.containerPort().isEmpty()).toList();
    }

    /** Shows a problem of these ports beside each row's host port (the message names the port). */
    public void markInvalid(String message) {
        fields.forEach(f -> {
            f.host.setInvalid(true);
            f.host.setErrorMessage(message);
        });
    }

    public void clearMarks() {
        fields.forEach(f -> f.host.setInvalid(false));
    }

    private void add(Row row) {
        int n = ++added;
        Fields f = new Fields();
        f.host.setId(prefix + "-host-" + n);
        f.host.setPlaceholder("automatic");
        f.host.setLabel(n == 1 || fields.isEmpty() ? "Host port" : null);
        f.host.setValue(row.hostPort());
        f.host.setWidth("8rem");
        f.container.setId(prefix + "-container-" + n);
        f.container.setLabel(n == 1 || fields.isEmpty() ? "Container port" : null);
        f.container.setValue(row.containerPort());
        f.container.setWidth("8rem");
        f.protocol.setId(prefix + "-protocol-" + n);
        f.protocol.setItems(Protocol.values());
        f.protocol.setValue(row.protocol());
        f.protocol.setWidth("6rem");
        Button remove = new Button(VaadinIcon.CLOSE_SMALL.create());
        remove.setId(prefix + "-remove-" + n);
        remove.setAriaLabel("Remove this port");
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        HorizontalLayout line = new HorizontalLayout(f.host, f.container, f.protocol, remove);
        line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        remove.addClickListener(e -> {
            fields.remove(f);
            rows.remove(line);
        });
        fields.add(f);
        rows.add(line);
    }

    private static final class Fields {
        final TextField host = new TextField();
        final TextField container = new TextField();
        final Select<Protocol> protocol = new Select<>();
    }
}
