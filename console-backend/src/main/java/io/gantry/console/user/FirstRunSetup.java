package io.gantry.console.user;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates {@code admin} at start from {@code GANTRY_ADMIN_PASSWORD} when no account exists yet, so automation and
 * tests need not click through the setup page. Once any account exists the variable is ignored (and says so).
 * It runs before the web server opens its port, so nobody can reach the setup page first.
 */
@Component
class FirstRunSetup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FirstRunSetup.class);

    private final UserService users;
    private final String adminPassword;

    FirstRunSetup(UserService users, @Value("${GANTRY_ADMIN_PASSWORD:}") String adminPassword) {
        this.users = users;
        this.adminPassword = adminPassword;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (adminPassword.isEmpty()) {
            return;
        }
        if (users.hasAnyAccount()) {
            log.info("GANTRY_ADMIN_PASSWORD ignored: accounts exist already");
            return;
        }
        try {
            users.createFirstAdmin(adminPassword);
        } catch (InvalidPasswordException e) {
            throw new IllegalStateException("GANTRY_ADMIN_PASSWORD refused: " + e.getMessage(), e);
        }
        log.info("Created the admin account from GANTRY_ADMIN_PASSWORD");
    }
}
