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

    /**
     * The login check is the {@link ConsoleAuthenticationProvider} bean: Spring Boot makes a lone provider bean the
     * global one (and then creates no default in-memory user). Adding it here as well would run every login
     * through it twice and count each failure double.
     */
    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        super.configure(http);
        setLoginView(http, LoginView.class, "/login");
    }
}
