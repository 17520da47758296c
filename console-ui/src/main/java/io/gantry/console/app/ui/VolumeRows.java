package io.gantry.console.app.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.gantry.console.base.ui.RowList;
import io.gantry.console.template.Origin;
import io.gantry.console.template.VolumeMount;
import java.util.List;

/**
 * A service's volumes as rows: the source (a volume name, a host directory, or empty for an anonymous volume), the
 * path in the container, and read-only. Ids: {@code edit-volume-source-<n>}, {@code edit-volume-target-<n>}.
 */
class VolumeRows extends RowList<VolumeMount> {

    VolumeRows(List<VolumeMount> initial) {
        super("edit-volume", "Add volume");
        initial.forEach(this::addRow);
    }

    @Override
    protected Fields<VolumeMount> fields(int n, VolumeMount value) {
        TextField source = new TextField("Volume name or host directory");
        source.setId(id("source", n));
        source.setPlaceholder("anonymous");
        source.setValue(value.source() == null ? "" : value.source());
        source.setWidth("16rem");
        TextField target = new TextField("Path in the container");
        target.setId(id("target", n));
        target.setValue(value.target());
        target.setWidth("16rem");
        source.setValueChangeMode(ValueChangeMode.LAZY);
        target.setValueChangeMode(ValueChangeMode.LAZY);
        Checkbox readOnly = new Checkbox("read-only", value.readOnly());
        readOnly.setId(id("ro", n));
        return new Fields<>() {
            @Override
            public List<Component> components() {
                return List.of(source, target, readOnly);
            }

            @Override
            public List<HasValue<?, ?>> inputs() {
                return List.of(source, target, readOnly);
            }

            @Override
            public VolumeMount value() {
                return new VolumeMount(source.getValue().isBlank() ? null : source.getValue().strip(),
                        target.getValue().strip(), readOnly.getValue(), Origin.none());
            }
        };
    }

    @Override
    protected VolumeMount emptyRow() {
        return VolumeMount.of(null, "");
    }

    @Override
    protected boolean isBlank(VolumeMount row) {
        return row.target().isEmpty();
    }
}
