package io.gantry.console.run.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import io.gantry.console.template.ValidationReport;
import java.util.List;

/** Lists what a run would let its containers do to the host, and runs it only when the user says so. */
class DangersDialog extends ConfirmDialog {

    DangersDialog(List<ValidationReport.Danger> dangers, Runnable onConfirmed) {
        setId("run-dangers-dialog");
        setHeader("This reaches beyond its containers");
        UnorderedList list = new UnorderedList();
        list.setId("run-dangers");
        dangers.forEach(d -> list.add(new ListItem(d.message())));
        add(new Paragraph("Run it only if you trust it:"), list);
        setCancelable(true);
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("run-dangers-cancel");
        setCancelButton(cancel);
        Button confirm = new Button("Run anyway", e -> {
            close();
            onConfirmed.run();
        });
        confirm.setId("run-dangers-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        setConfirmButton(confirm);
    }
}
