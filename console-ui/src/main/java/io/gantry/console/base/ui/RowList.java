package io.gantry.console.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Editable rows of a list setting (ports, variables, volumes, links) with add and remove. A row's fields get ids
 * {@code <prefix>-<field>-<n>}, where {@code n} counts rows as they were added (a removed row's number is not
 * reused), and the add button {@code <prefix>-add}. Listeners hear every edit, addition and removal.
 *
 * @param <R> one row's value
 */
public abstract class RowList<R> extends Div {

    /** One row's fields. */
    protected interface Fields<R> {
        /** The row's components, left to right. */
        List<Component> components();

        /** The fields whose edits count as changes. */
        List<HasValue<?, ?>> inputs();

        R value();
    }

    private final String prefix;
    private final Div rows = new Div();
    private final List<Fields<R>> fields = new ArrayList<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private int added;

    protected RowList(String prefix, String addText) {
        this.prefix = prefix;
        setId(prefix);
        addClassName("gantry-rows");
        Button add = new Button(addText, VaadinIcon.PLUS.create(), e -> addRow(emptyRow()));
        add.setId(prefix + "-add");
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        add(rows, add);
    }

    /** Builds row {@code n}'s fields showing {@code value}; ids are {@code id("field")}. */
    protected abstract Fields<R> fields(int n, R value);

    protected abstract R emptyRow();

    /** Whether a row was left empty (it is then not part of the value). */
    protected abstract boolean isBlank(R row);

    /** The id of row {@code n}'s field: {@code <prefix>-<field>-<n>}. */
    protected String id(String field, int n) {
        return prefix + "-" + field + "-" + n;
    }

    /** The rows that are not blank, in order. */
    public List<R> values() {
        return fields.stream().map(Fields::value).filter(r -> !isBlank(r)).toList();
    }

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    protected List<Fields<R>> rowFields() {
        return List.copyOf(fields);
    }

    protected final void addRow(R value) {
        int n = ++added;
        Fields<R> row = fields(n, value);
        Button remove = new Button(VaadinIcon.CLOSE_SMALL.create());
        remove.setId(id("remove", n));
        remove.setAriaLabel("Remove this row");
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        HorizontalLayout line = new HorizontalLayout();
        row.components().forEach(line::add);
        line.add(remove);
        line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        remove.addClickListener(e -> {
            fields.remove(row);
            rows.remove(line);
            changed();
        });
        row.inputs().forEach(input -> input.addValueChangeListener(e -> changed()));
        fields.add(row);
        rows.add(line);
        changed();
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }
}
