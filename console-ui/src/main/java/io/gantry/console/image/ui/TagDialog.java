package io.gantry.console.image.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import io.gantry.console.image.ImageRow;

/** Asks for a new tag for one image and fires {@link TagEvent}; the view does the tagging. */
class TagDialog extends Dialog {

    final TextField reference = new TextField("New tag");
    private final ImageRow image;

    TagDialog(ImageRow image) {
        this.image = image;
        setId("image-tag-dialog");
        setHeaderTitle("Tag " + image.reference());
        reference.setId("image-tag-reference");
        reference.setPlaceholder("myapp:1.0");
        reference.setWidth("20rem");
        Button tag = new Button("Tag", e -> submit());
        tag.setId("image-tag-confirm");
        tag.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(reference);
        getFooter().add(new Button("Cancel", e -> close()), tag);
    }

    private void submit() {
        if (reference.getValue().isBlank()) {
            reference.setInvalid(true);
            reference.setErrorMessage("Write the new tag, such as myapp:1.0");
            return;
        }
        fireEvent(new TagEvent(this, image, reference.getValue()));
        close();
    }

    Registration addTagListener(com.vaadin.flow.component.ComponentEventListener<TagEvent> listener) {
        return addListener(TagEvent.class, listener);
    }

    static final class TagEvent extends ComponentEvent<TagDialog> {
        final ImageRow image;
        final String reference;

        TagEvent(TagDialog source, ImageRow image, String reference) {
            super(source, false);
            this.image = image;
            this.reference = reference;
        }
    }
}
