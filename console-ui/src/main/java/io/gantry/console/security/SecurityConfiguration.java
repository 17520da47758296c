package io.gantry.console.security;

import com.vaadin.flow.spring.security.VaadinWebSecurity;
import io.gantry.console.user.ui.LoginView;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;

/** Every view needs a login, except the login page itself and the first-run setup page. */
@EnableWebSecurity
@Configuration
class SecurityConfiguration extends VaadinWebSecurity {

    private final ConsoleAuthenticationProvider authenticationProvider;

    SecurityConfiguration(ConsoleAuthenticationProvider authenticationProvider) {
        this.authenticationProvider = authenticationProvider;
    }

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.authenticationProvider(authenticationProvider);
        http.headers(headers -> headers
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        super.configure(http);
        setLoginView(http, LoginView.class, "/login");
    }
}
