package io.gantry.console.registry;

import org.jspecify.annotations.Nullable;

/**
 * A registry as the user enters it, to add or to change one.
 *
 * @param username the user name, or null (or blank) for no credentials
 * @param password the password or access token; on a change, null keeps the stored one
 */
public record RegistryDraft(String name, String url, boolean enabled, @Nullable String username,
                            @Nullable String password) {

    @Override
    public String toString() {
        return "RegistryDraft[" + name + ", " + url + ", enabled=" + enabled + ", " + username + ", ***]";
    }
}
