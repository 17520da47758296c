package io.gantry.console.registry;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A registry the console knows. The password itself never leaves {@link RegistryService} but as a pull's header or
 * as {@link RegistryService#credentials}.
 *
 * @param url         {@code https://registry.example.com} or {@code http://127.0.0.1:5000}, without a path
 * @param enabled     whether search includes it
 * @param username    the user name for its credentials, or null for none
 * @param hasPassword whether a password is stored
 */
public record Registry(long id, String name, String url, boolean enabled, @Nullable String username,
                       boolean hasPassword) {

    public Registry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
    }

    public Optional<String> user() {
        return Optional.ofNullable(username);
    }

    /** {@code host[:port]}: how image references name the registry ({@code registry.example.com/team/app:1}). */
    public String host() {
        return RegistryAddress.parse(url).host();
    }
}
