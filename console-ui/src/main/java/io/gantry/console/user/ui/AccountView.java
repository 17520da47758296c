package io.gantry.console.user.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.gantry.console.user.InvalidPasswordException;
import io.gantry.console.user.LoginRejectedException;
import io.gantry.console.user.UserService;
import jakarta.annotation.security.PermitAll;

/** The signed-in user's account: change the password. */
@Route("account")
@PageTitle("Account · Gantry")
@PermitAll
public class AccountView extends VerticalLayout {

    private final UserService users;
    private final String username;
    final PasswordField current = new PasswordField("Current password");
    final PasswordField next = new PasswordField("New password");
    final PasswordField confirmation = new PasswordField("New password again");

    AccountView(UserService users, AuthenticationContext authentication) {
        this.users = users;
        this.username = authentication.getPrincipalName().orElseThrow();
        current.setId("account-current");
        next.setId("account-new");
        next.setHelperText("At least " + UserService.MIN_PASSWORD_LENGTH + " characters");
        confirmation.setId("account-confirmation");
        Button change = new Button("Change password", e -> changePassword());
        change.setId("account-change");
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2("Account: " + username), current, next, confirmation, change);
    }

    private void changePassword() {
        current.setInvalid(false);
        next.setInvalid(false);
        confirmation.setInvalid(false);
        if (!next.getValue().equals(confirmation.getValue())) {
            showInvalid(confirmation, "The two passwords differ.");
            return;
        }
        try {
            users.changePassword(username, current.getValue(), next.getValue());
        } catch (LoginRejectedException e) {
            showInvalid(current, e.getMessage());
            return;
        } catch (InvalidPasswordException e) {
            showInvalid(next, e.getMessage());
            return;
        }
        current.clear();
        next.clear();
        confirmation.clear();
        Notification.show("Password changed.", 4000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static void showInvalid(PasswordField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
