package io.gantry.console.base.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.gantry.console.template.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Environment variables as editable rows (name, value) with add and remove. A variable whose name looks like a
 * secret (PASSWORD, TOKEN, KEY, …) gets a masked field. Ids: {@code <prefix>-name-<n>}, {@code <prefix>-value-<n>}.
 */
public class EnvironmentRows extends Div {

    public record Row(String name, String value) {
        public Row {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    private final String prefix;
    private final Div rows = new Div();
    private final List<Fields> fields = new ArrayList<>();
    private int added;

    public EnvironmentRows(String prefix, List<Row> initial) {
        this.prefix = prefix;
        setId(prefix);
        addClassName("gantry-rows");
        Button add = new Button("Add variable", VaadinIcon.PLUS.create(), e -> add(new Row("", "")));
        add.setId(prefix + "-add");
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        add(rows, add);
        initial.forEach(this::add);
    }

    /** The rows with a name, in order. */
    public List<Row> rows() {
        return fields.stream().map(f -> new Row(f.name.getValue().strip(), f.value().getValue()))
                .filter(r -> !r.name().isEmpty()).toList();
    }

    private void add(Row row) {
        int n = ++added;
        Fields f = new Fields();
        f.name.setId(prefix + "-name-" + n);
        f.name.setPlaceholder("NAME");
        f.name.setValue(row.name());
        f.plain.setId(prefix + "-value-" + n);
        f.secret.setId(prefix + "-value-" + n);
        f.plain.setPlaceholder("value");
        f.secret.setPlaceholder("value");
        f.plain.setWidth("18rem");
        f.secret.setWidth("18rem");
        Button remove = new Button(VaadinIcon.CLOSE_SMALL.create());
        remove.setId(prefix + "-remove-" + n);
        remove.setAriaLabel("Remove this variable");
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        HorizontalLayout line = new HorizontalLayout(f.name, f.plain, remove);
        line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        f.line = line;
        f.mask(Parameter.looksSecret(row.name()));
        f.value().setValue(row.value());
        f.name.addValueChangeListener(e -> f.mask(Parameter.looksSecret(e.getValue())));
        remove.addClickListener(e -> {
            fields.remove(f);
            rows.remove(line);
        });
        fields.add(f);
        rows.add(line);
    }

    /** A row's fields: the value sits in a masked or a plain field, swapped (keeping the text) as the name changes. */
    private static final class Fields {
        final TextField name = new TextField();
        final TextField plain = new TextField();
        final PasswordField secret = new PasswordField();
        HorizontalLayout line;
        boolean masked;

        AbstractField<?, String> value() {
            return masked ? secret : plain;
        }

        void mask(boolean secretName) {
            if (secretName == masked && line.getChildren().anyMatch(c -> c == value())) {
                return;
            }
            HasValue<?, String> from = value();
            String text = from.getValue();
            masked = secretName;
            line.replace((com.vaadin.flow.component.Component) from, value());
            value().setValue(text);
        }
    }
}
