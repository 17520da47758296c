package io.gantry.console.app.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import java.util.function.Consumer;

/** Asks before a service leaves its application, and whether its volumes go with it. */
class RemoveServiceDialog extends ConfirmDialog {

    final Checkbox volumes = new Checkbox("Also delete its volumes (those no other service mounts)");

    RemoveServiceDialog(String service, Consumer<Boolean> onRemove) {
        setId("service-remove-dialog");
        setHeader("Remove the service " + service + "?");
        volumes.setId("service-remove-volumes");
        add(new Paragraph("Its container is removed; the other services keep running."), volumes);
        setCancelable(true);
        Button remove = new Button("Remove", e -> {
            close();
            onRemove.accept(volumes.getValue());
        });
        remove.setId("service-remove-confirm");
        remove.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        setConfirmButton(remove);
    }
}
