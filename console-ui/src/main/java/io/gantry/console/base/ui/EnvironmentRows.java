package io.gantry.console.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import io.gantry.console.template.Parameter;
import java.util.List;
import java.util.Objects;

/**
 * Environment variables as rows (name, value). A variable whose name looks like a secret (PASSWORD, TOKEN, KEY, …)
 * gets a masked field. Ids: {@code <prefix>-name-<n>}, {@code <prefix>-value-<n>}.
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

    /** The value sits in a masked or a plain field, swapped (keeping the text) as the name changes. */
    private static final class VariableFields implements Fields<Row> {
        final TextField name = new TextField();
        final TextField plain = new TextField();
        final PasswordField secret = new PasswordField();
        final Div cell = new Div();

        VariableFields(String nameId, String valueId, Row value) {
            name.setId(nameId);
            name.setPlaceholder("NAME");
            name.setValue(value.name());
            for (TextFieldBase<?, String> field : List.<TextFieldBase<?, String>>of(plain, secret)) {
                field.setId(valueId);
                field.setPlaceholder("value");
                field.setWidth("18rem");
            }
            boolean masked = Parameter.looksSecret(value.name());
            cell.add(masked ? secret : plain);
            current().setValue(value.value());
            name.addValueChangeListener(e -> mask(Parameter.looksSecret(e.getValue())));
        }

        private TextFieldBase<?, String> current() {
            return secret.getParent().isPresent() ? secret : plain;
        }

        private void mask(boolean masked) {
            TextFieldBase<?, String> from = current();
            TextFieldBase<?, String> to = masked ? secret : plain;
            if (from != to) {
                to.setValue(from.getValue());
                cell.removeAll();
                cell.add(to);
            }
        }

        @Override
        public List<Component> components() {
            return List.of(name, cell);
        }

        @Override
        public List<HasValue<?, ?>> inputs() {
            return List.of(name, plain, secret);
        }

        @Override
        public Row value() {
            return new Row(name.getValue().strip(), current().getValue());
        }
    }
}
