package io.gantry.console.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * Asks before something that cannot be undone (remove, prune). The dialog's id is {@code <id>-dialog} and its
 * confirming button's {@code <id>-confirm}, for tests.
 */
public class DangerConfirm extends ConfirmDialog {

    public DangerConfirm(String id, String header, String text, String action, Runnable onConfirm) {
        setId(id + "-dialog");
        setHeader(header);
        setText(text);
        setCancelable(true);
        Button confirm = new Button(action, e -> {
            close();
            onConfirm.run();
        });
        confirm.setId(id + "-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        setConfirmButton(confirm);
    }
}
