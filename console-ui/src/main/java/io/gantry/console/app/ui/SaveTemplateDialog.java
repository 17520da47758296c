package io.gantry.console.app.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.gantry.console.app.Application;
import io.gantry.console.app.ApplicationService;
import io.gantry.console.app.TemplateDetails;
import io.gantry.console.template.TemplateEntry;
import io.gantry.console.template.TemplateRejectedException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Saves an application as a template of the library: name, description, keywords, icon type and documentation,
 * with the {@code .pmx} it becomes previewed as it is typed. Secrets stay out unless asked for.
 */
class SaveTemplateDialog extends Dialog {

    private final ApplicationService applications;
    private final long applicationId;
    final TextField name = new TextField("Template name");
    final TextField description = new TextField("Description");
    final TextField keywords = new TextField("Keywords");
    final ComboBox<String> type = new ComboBox<>("Icon type");
    final TextArea documentation = new TextArea("Documentation (markdown)");
    final Checkbox secrets = new Checkbox("Include secret values (passwords, tokens, keys)");
    final Pre preview = new Pre();

    SaveTemplateDialog(ApplicationService applications, Application app, Collection<String> knownTypes) {
        this.applications = applications;
        this.applicationId = app.id();
        setId("save-template-dialog");
        setHeaderTitle("Save " + app.name() + " as a template");
        setWidth("56rem");
        name.setId("save-name");
        name.setValue(app.name());
        name.setRequired(true);
        description.setId("save-description");
        keywords.setId("save-keywords");
        keywords.setHelperText("Comma-separated; search finds the template by them");
        type.setId("save-type");
        type.setItems(knownTypes);
        type.setAllowCustomValue(true);
        type.addCustomValueSetListener(e -> type.setValue(e.getDetail()));
        documentation.setId("save-documentation");
        documentation.setHeight("8rem");
        secrets.setId("save-secrets");
        preview.setId("save-preview");
        preview.addClassName("gantry-log-text");
        for (var field : List.of(name, description, keywords)) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.addValueChangeListener(e -> updatePreview());
        }
        documentation.setValueChangeMode(ValueChangeMode.LAZY);
        documentation.addValueChangeListener(e -> updatePreview());
        type.addValueChangeListener(e -> updatePreview());
        secrets.addValueChangeListener(e -> updatePreview());
        FormLayout form = new FormLayout(name, type, description, keywords, documentation, secrets);
        form.setColspan(documentation, 2);
        form.setColspan(description, 2);
        add(form, preview);
        Button save = new Button("Save template", e -> save());
        save.setId("save-confirm");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, save);
        updatePreview();
    }

    private TemplateDetails details() {
        List<String> words = Arrays.stream(keywords.getValue().split(",")).map(String::strip).filter(w -> !w.isEmpty())
                .toList();
        return new TemplateDetails(name.getValue().strip(), blankToNull(description.getValue()), words,
                blankToNull(type.getValue()), blankToNull(documentation.getValue()));
    }

    private void updatePreview() {
        preview.setText(applications.previewTemplate(applicationId, details(), secrets.getValue()));
    }

    private void save() {
        if (name.getValue().isBlank()) {
            name.setInvalid(true);
            name.setErrorMessage("A template needs a name.");
            return;
        }
        try {
            TemplateEntry saved = applications.saveAsTemplate(applicationId, details(), secrets.getValue());
            close();
            Notification.show("Saved the template " + saved.template().name() + ".", 5000,
                    Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (TemplateRejectedException e) {
            name.setInvalid(true);
            name.setErrorMessage(e.getMessage());
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
