package io.gantry.console.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.gantry.console.template.Protocol;
import java.util.List;
import java.util.Objects;

/**
 * Published ports as rows: host port (empty lets the engine choose one), container port, protocol. Ids
 * {@code <prefix>-host-<n>}, {@code <prefix>-container-<n>}, {@code <prefix>-protocol-<n>}.
 */
public class PortRows extends RowList<PortRows.Row> {

    /** One row as typed; the numbers are checked by whoever takes them. */
    public record Row(String hostPort, String containerPort, Protocol protocol) {
        public Row {
            Objects.requireNonNull(hostPort, "hostPort");
            Objects.requireNonNull(containerPort, "containerPort");
            Objects.requireNonNull(protocol, "protocol");
        }
    }

    public PortRows(String prefix, List<Row> initial) {
        super(prefix, "Add port");
        initial.forEach(this::addRow);
    }

    /** Shows a problem of these ports beside each row's host port (the message names the port). */
    public void markInvalid(String message) {
        rowFields().forEach(f -> ((PortFields) f).mark(message));
    }

    public void clearMarks() {
        rowFields().forEach(f -> ((PortFields) f).mark(null));
    }

    @Override
    protected Fields<Row> fields(int n, Row value) {
        return new PortFields(this, n, value);
    }

    @Override
    protected Row emptyRow() {
        return new Row("", "", Protocol.TCP);
    }

    @Override
    protected boolean isBlank(Row row) {
        return row.hostPort().isEmpty() && row.containerPort().isEmpty();
    }

    private static final class PortFields implements Fields<Row> {
        final TextField host = new TextField("Host port");
        final TextField container = new TextField("Container port");
        final Select<Protocol> protocol = new Select<>();

        PortFields(PortRows list, int n, Row value) {
            host.setId(list.id("host", n));
            host.setPlaceholder("automatic");
            host.setValue(value.hostPort());
            host.setWidth("8rem");
            container.setId(list.id("container", n));
            container.setValue(value.containerPort());
            container.setWidth("8rem");
            protocol.setId(list.id("protocol", n));
            protocol.setItems(Protocol.values());
            protocol.setValue(value.protocol());
            protocol.setWidth("6rem");
            host.setValueChangeMode(ValueChangeMode.LAZY);
            container.setValueChangeMode(ValueChangeMode.LAZY);
        }

        void mark(String message) {
            host.setInvalid(message != null);
            host.setErrorMessage(message);
        }

        @Override
        public List<Component> components() {
            return List.of(host, container, protocol);
        }

        @Override
        public List<HasValue<?, ?>> inputs() {
            return List.of(host, container, protocol);
        }

        @Override
        public Row value() {
            return new Row(host.getValue().strip(), container.getValue().strip(), protocol.getValue());
        }
    }
}
