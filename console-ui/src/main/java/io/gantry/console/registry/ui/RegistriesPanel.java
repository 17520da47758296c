package io.gantry.console.registry.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.gantry.console.base.ui.DomIds;
import io.gantry.console.errors.ConsoleException;
import io.gantry.console.registry.Registry;
import io.gantry.console.registry.RegistryDraft;
import io.gantry.console.registry.RegistryService;

/**
 * The registries the console searches and pulls from with credentials: listed with whether each is searched and
 * whether a password is stored (never the password), added with name, address, user and password, a password
 * replaced, and removed.
 */
public class RegistriesPanel extends Div {

    private final RegistryService registries;
    final Grid<Registry> grid = new Grid<>();
    final TextField name = new TextField("Name");
    final TextField url = new TextField("Address");
    final TextField user = new TextField("User");
    final PasswordField password = new PasswordField("Password or token");
    final Paragraph result = new Paragraph();

    public RegistriesPanel(RegistryService registries) {
        this.registries = registries;
        setId("registries");
        setWidthFull();
        grid.setId("registries-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(Registry::name).setHeader("Name").setFlexGrow(1);
        grid.addColumn(Registry::url).setHeader("Address").setFlexGrow(2);
        grid.addColumn(r -> r.user().map(u -> u + (r.hasPassword() ? " (password stored)" : "")).orElse("anonymous"))
                .setHeader("Credentials").setFlexGrow(1);
        grid.addComponentColumn(this::enabled).setHeader("Searched").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::remove).setAutoWidth(true).setFlexGrow(0);
        name.setId("registry-name");
        url.setId("registry-url");
        url.setPlaceholder("https://registry.example.com");
        user.setId("registry-user");
        password.setId("registry-password");
        result.setId("registry-result");
        Button add = new Button("Add registry", VaadinIcon.PLUS.create(), e -> add());
        add.setId("registry-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(name, url, user, password);
        Paragraph note = new Paragraph("Passwords are kept encrypted under the data root and sent to the engine only "
                + "for the pulls from that registry.");
        note.addClassName("gantry-note");
        add(new H3("Registries"), grid, form, add, result, note);
        refresh();
    }

    private void refresh() {
        grid.setItems(registries.list());
    }

    private Component enabled(Registry registry) {
        Checkbox box = new Checkbox(registry.enabled());
        box.setId("registry-enabled-" + DomIds.of(registry.name()));
        box.setAriaLabel("Search " + registry.name());
        box.addValueChangeListener(e -> {
            registries.setEnabled(registry.id(), e.getValue());
            refresh();
        });
        return box;
    }

    private Component remove(Registry registry) {
        Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
            registries.remove(registry.id());
            refresh();
        });
        remove.setId("registry-remove-" + DomIds.of(registry.name()));
        remove.setAriaLabel("Remove " + registry.name());
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
        return remove;
    }

    private void add() {
        try {
            Registry added = registries.add(new RegistryDraft(name.getValue().strip(), url.getValue().strip(), true,
                    user.getValue().isBlank() ? null : user.getValue().strip(),
                    password.getValue().isEmpty() ? null : password.getValue()));
            result.setText("Added " + added.name() + ".");
            result.removeClassName("gantry-upload-error");
            name.clear();
            url.clear();
            user.clear();
            password.clear();
            refresh();
        } catch (ConsoleException e) {
            result.setText(e.getMessage());
            result.addClassName("gantry-upload-error");
        }
    }
}
