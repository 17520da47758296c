package io.gantry.console.app.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import java.util.function.Consumer;

/** Asks before an application is removed, and whether its volumes (its data) go with it. */
class RemoveApplicationDialog extends ConfirmDialog {

    final Checkbox volumes = new Checkbox("Also delete its volumes (the data is lost)");

    RemoveApplicationDialog(String name, Consumer<Boolean> onRemove) {
        setId("app-remove-dialog");
        setHeader("Remove " + name + "?");
        volumes.setId("app-remove-volumes");
        add(new Paragraph("Its containers and network are removed. Volumes are kept unless you tick the box, so the "
                + "data is there if you run it again."), volumes);
        setCancelable(true);
        Button remove = new Button("Remove", e -> {
            close();
            onRemove.accept(volumes.getValue());
        });
        remove.setId("app-remove-confirm");
        remove.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        setConfirmButton(remove);
    }
}
