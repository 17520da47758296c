package io.gantry.console.run.ui;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import io.gantry.console.base.ui.DomIds;
import io.gantry.console.template.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A template's parameters as fields: label, description as help, default filled in, required marked, secrets
 * masked. Field ids are {@code param-<key>}.
 */
class ParametersForm extends FormLayout {

    private final Map<String, TextFieldBase<?, String>> fields = new LinkedHashMap<>();

    ParametersForm(List<Parameter> parameters) {
        setId("run-parameters");
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40rem", 2));
        for (Parameter p : parameters) {
            TextFieldBase<?, String> field = p.secret() ? new PasswordField() : new TextField();
            field.setId("param-" + DomIds.of(p.key()));
            field.setLabel(p.label() + (p.service() == null ? "" : " (" + p.service() + ")"));
            field.setHelperText(p.description());
            field.setRequiredIndicatorVisible(p.required());
            if (p.defaultValue() != null) {
                field.setValue(p.defaultValue());
            }
            field.getElement().setAttribute("data-key", p.key());
            fields.put(p.key(), field);
            add(field);
        }
    }

    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((key, field) -> values.put(key, field.getValue()));
        return values;
    }

    /** Shows the reason beside each missing field and clears the others. */
    void markMissing(List<String> keys, String message) {
        fields.forEach((key, field) -> {
            boolean missing = keys.contains(key);
            field.setInvalid(missing);
            field.setErrorMessage(missing ? "Required: " + message : null);
        });
    }
}
