package io.gantry.console.security;

import io.gantry.console.activity.ActivitySource;
import io.gantry.console.activity.Actor;
import io.gantry.console.activity.CurrentActor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The activity log's actor: the user signed in on this thread (the UI's background tasks carry the user's security
 * context over, see UiTasks), coming through the REST API when the request is under {@code /api/}, else the UI.
 */
@Component
class SignedInActor implements CurrentActor {

    @Override
    public Actor get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Actor.SYSTEM;
        }
        return new Actor(auth.getName(), viaApi() ? ActivitySource.API : ActivitySource.UI);
    }

    private static boolean viaApi() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return path.startsWith("/api/");
        }
        return false;
    }
}
