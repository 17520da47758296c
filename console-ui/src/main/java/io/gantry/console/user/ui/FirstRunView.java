package io.gantry.console.user.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.gantry.console.user.InvalidPasswordException;
import io.gantry.console.user.UserService;

/** First visit of a console without accounts: choose the administrator's password. */
@Route(value = "setup", autoLayout = false)
@PageTitle("Set up · Gantry")
@AnonymousAllowed
public class FirstRunView extends VerticalLayout implements BeforeEnterObserver {

    private final UserService users;
    final PasswordField password = new PasswordField("Password");
    final PasswordField confirmation = new PasswordField("Password again");
    final Button create = new Button("Create administrator");

    FirstRunView(UserService users) {
        this.users = users;
        addClassName("gantry-setup");
        setAlignItems(Alignment.CENTER);
        TextField username = new TextField("User name");
        username.setValue(UserService.ADMIN);
        username.setReadOnly(true);
        password.setId("setup-password");
        password.setHelperText("At least " + UserService.MIN_PASSWORD_LENGTH + " characters");
        confirmation.setId("setup-confirmation");
        create.setId("setup-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> createAdministrator());
        add(new H1("Welcome to Gantry"),
                new Paragraph("This console has no account yet. Choose the password of its administrator."),
                username, password, confirmation, create);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (users.hasAnyAccount()) {
            event.forwardTo(LoginView.class);
        }
    }

    private void createAdministrator() {
        password.setInvalid(false);
        confirmation.setInvalid(false);
        if (!password.getValue().equals(confirmation.getValue())) {
            confirmation.setErrorMessage("The two passwords differ.");
            confirmation.setInvalid(true);
            return;
        }
        try {
            users.createFirstAdmin(password.getValue());
        } catch (InvalidPasswordException e) {
            password.setErrorMessage(e.getMessage());
            password.setInvalid(true);
            return;
        }
        getUI().ifPresent(ui -> ui.navigate("login?created"));
    }
}
