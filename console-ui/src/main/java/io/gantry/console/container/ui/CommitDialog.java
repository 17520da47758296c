package io.gantry.console.container.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;

/** {@code docker commit} as a form: the new image's name and a comment. Fires {@link CommitEvent}. */
class CommitDialog extends Dialog {

    static final class Values {
        String reference = "";
        String comment = "";
    }

    final TextField reference = new TextField("New image");
    final TextField comment = new TextField("Comment");
    final Binder<Values> binder = new Binder<>();
    final Button commit = new Button("Commit");

    CommitDialog(String containerName) {
        setId("commit-dialog");
        setHeaderTitle("Save " + containerName + " as an image");
        reference.setId("commit-reference");
        reference.setPlaceholder("myimage:1.0");
        reference.setWidthFull();
        comment.setId("commit-comment");
        comment.setPlaceholder("optional: what changed");
        comment.setWidthFull();
        binder.forField(reference).asRequired("Name the image, such as myimage:1.0")
                .withValidator(r -> r.strip().matches("[a-z0-9][a-z0-9._/:-]*"),
                        "Lower-case letters, digits and . _ - / : (a tag after the last colon)")
                .bind(v -> v.reference, (v, x) -> v.reference = x.strip());
        binder.forField(comment).bind(v -> v.comment, (v, x) -> v.comment = x);
        binder.readBean(new Values());
        add(new FormLayout(reference, comment));
        commit.setId("commit-confirm");
        commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        commit.addClickListener(e -> submit());
        getFooter().add(new Button("Cancel", e -> close()), commit);
        setWidth("32rem");
    }

    private void submit() {
        Values values = new Values();
        if (binder.writeBeanIfValid(values)) {
            fireEvent(new CommitEvent(this, values.reference, values.comment));
        }
    }

    Registration addCommitListener(ComponentEventListener<CommitEvent> listener) {
        return addListener(CommitEvent.class, listener);
    }

    static final class CommitEvent extends ComponentEvent<CommitDialog> {
        final String reference;
        final String comment;

        CommitEvent(CommitDialog source, String reference, String comment) {
            super(source, false);
            this.reference = reference;
            this.comment = comment;
        }
    }
}
