package io.gantry.console.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.gantry.console.template.Parameter;
import java.util.List;
import java.util.Objects;

/**
 * Environment variables as rows (name, value). A variable whose name looks like a secret (PASSWORD, TOKEN, KEY, …)
 * gets a masked value. Ids: {@code <prefix>-name-<n>}, {@code <prefix>-value-<n>}.
 */
public class EnvironmentRows extends RowList<EnvironmentRows.Row> {

    public record Row(String name, String value) {
        public Row {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    public EnvironmentRows(String prefix, List<Row> initial) {
        super(prefix, "Add variable");
        initial.forEach(this::addRow);
    }

    @Override
    protected Fields<Row> fields(int n, Row value) {
        return new VariableFields(id("name", n), id("value", n), value);
    }

    @Override
    protected Row emptyRow() {
        return new Row("", "");
    }

    @Override
    protected boolean isBlank(Row row) {
        return row.name().isEmpty();
    }

    /**
     * A secret's value is masked by style, not by swapping in a password field: a field replaced while the user types
     * would lose what was typed. Secret values are never sent to the browser (their fields start empty), so the mask
     * only keeps what the user types from being read over their shoulder.
     */
    private static final class VariableFields implements Fields<Row> {
        static final String MASKED = "gantry-masked";
        final TextField name = new TextField();
        final TextField value = new TextField();

        VariableFields(String nameId, String valueId, Row row) {
            name.setId(nameId);
            name.setPlaceholder("NAME");
            name.setValue(row.name());
            name.setValueChangeMode(ValueChangeMode.LAZY);
            value.setId(valueId);
            value.setPlaceholder("value");
            value.setWidth("18rem");
            value.setValue(row.value());
            value.setValueChangeMode(ValueChangeMode.LAZY);
            value.getElement().setAttribute("autocomplete", "off");
            mask(Parameter.looksSecret(row.name()));
            name.addValueChangeListener(e -> mask(Parameter.looksSecret(e.getValue())));
        }

        private void mask(boolean secret) {
            value.setClassName(MASKED, secret);
            value.setPlaceholder(secret ? "secret" : "value");
        }

        @Override
        public List<Component> components() {
            return List.of(name, value);
        }

        @Override
        public List<HasValue<?, ?>> inputs() {
            return List.of(name, value);
        }

        @Override
        public Row value() {
            return new Row(name.getValue().strip(), value.getValue());
        }
    }
}
