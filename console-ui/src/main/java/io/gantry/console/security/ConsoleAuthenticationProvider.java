package io.gantry.console.security;

import io.gantry.console.user.AccountLockedException;
import io.gantry.console.user.LoginRejectedException;
import io.gantry.console.user.UserService;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** Hands every login to the user service, so the lockout applies to the login page and to any later API alike. */
@Component
class ConsoleAuthenticationProvider implements AuthenticationProvider {

    private final UserService users;

    ConsoleAuthenticationProvider(UserService users) {
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        try {
            users.authenticate(username, password);
        } catch (AccountLockedException e) {
            throw new LockedException(e.getMessage(), e);
        } catch (LoginRejectedException e) {
            throw new BadCredentialsException(e.getMessage(), e);
        }
        return UsernamePasswordAuthenticationToken.authenticated(username, null,
                List.of(new SimpleGrantedAuthority("ROLE_USER")));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
