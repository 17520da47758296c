package io.gantry.console.user.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.gantry.console.user.UserService;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;

/** Sign in. Sends a console without any account to the first-run setup instead. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Gantry")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final UserService users;
    final LoginForm form = new LoginForm();
    final Paragraph notice = new Paragraph();

    LoginView(UserService users) {
        this.users = users;
        addClassName("gantry-login");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        form.setId("login-form");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        notice.setId("login-notice");
        notice.setVisible(false);
        add(new H1("Gantry"), notice, new Div(form));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!users.hasAnyAccount()) {
            event.forwardTo(FirstRunView.class);
            return;
        }
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("created")) {
            notice.setText("The administrator account was created. Sign in as admin.");
            notice.setVisible(true);
        }
        if (parameters.containsKey("error")) {
            showError(lastLoginFailure());
        }
    }

    private void showError(String message) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.ErrorMessage error = new LoginI18n.ErrorMessage();
        error.setTitle("Sign-in failed");
        error.setMessage(message);
        i18n.setErrorMessage(error);
        form.setI18n(i18n);
        form.setError(true);
    }

    /** Spring Security keeps the failed login's exception in the session; its message comes from the user service. */
    private static String lastLoginFailure() {
        Object failure = VaadinSession.getCurrent().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        return failure instanceof AuthenticationException e && e.getMessage() != null
                ? e.getMessage()
                : "Wrong user name or password.";
    }
}
