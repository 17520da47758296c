package io.gantry.console.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.console.config.GantryProperties;
import io.gantry.core.registry.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registries the console knows and their credentials. Passwords are sealed ({@link CredentialCipher}) before
 * they reach the database and opened only to be handed to the engine with a pull, or to the registry client of a
 * search.
 */
@Service
public class RegistryService {

    private static final int MAX_NAME = 100;

    private final RegistryRepository repository;
    private final GantryProperties properties;
    private final ObjectMapper json = new ObjectMapper();
    private volatile @Nullable CredentialCipher cipher;

    RegistryService(RegistryRepository repository, GantryProperties properties) {
        this.repository = repository;
        this.properties = properties;
    }

    /** Every registry, by name. */
    @Transactional(readOnly = true)
    public List<Registry> list() {
        return repository.all().stream().map(RegistryRepository.Row::registry).toList();
    }

    /** The registries search includes. */
    @Transactional(readOnly = true)
    public List<Registry> enabled() {
        return list().stream().filter(Registry::enabled).toList();
    }

    /** @throws RegistryNotFoundException when there is no such registry */
    @Transactional(readOnly = true)
    public Registry get(long id) {
        return row(id).registry();
    }

    /**
     * @throws InvalidRegistryException for a bad address, a name or address already known, or a user name without a
     *                                  password (or the other way round)
     */
    @Transactional
    public Registry add(RegistryDraft draft) {
        RegistryRepository.Row row = checked(0, draft, null);
        return get(repository.insert(row));
    }

    /** Changes a registry; a null password keeps the stored one (unless the user name is removed). */
    @Transactional
    public Registry update(long id, RegistryDraft draft) {
        RegistryRepository.Row old = row(id);
        boolean keep = draft.password() == null || draft.password().isEmpty();
        String keptPassword = !keep || old.passwordSealed() == null ? null
                : cipher().open(old.passwordSealed(), old.url());
        RegistryRepository.Row row = checked(id, draft, keptPassword);
        repository.update(row);
        return get(id);
    }

    @Transactional
    public Registry setEnabled(long id, boolean enabled) {
        RegistryRepository.Row r = row(id);
        repository.update(new RegistryRepository.Row(id, r.name(), r.url(), enabled, r.username(), r.passwordSealed()));
        return get(id);
    }

    @Transactional
    public void remove(long id) {
        if (!repository.delete(id)) {
            throw new RegistryNotFoundException(id);
        }
    }

    /** The stored credentials of a registry, opened: for the registry client of a search. */
    @Transactional(readOnly = true)
    public Optional<Credentials> credentials(long id) {
        RegistryRepository.Row r = row(id);
        if (r.username() == null || r.passwordSealed() == null) {
            return Optional.empty();
        }
        return Optional.of(new Credentials(r.username(), cipher().open(r.passwordSealed(), r.url())));
    }

    /**
     * The {@code X-Registry-Auth} header for pulling {@code imageReference}: the credentials of the known registry
     * the reference names ({@code registry.example.com/team/app:1}; Docker Hub for {@code mariadb:11}), as Docker's
     * clients send them. Empty when no registry with credentials matches: the pull is then anonymous. A disabled
     * registry still lends its credentials, since disabling only leaves it out of search.
     */
    @Transactional(readOnly = true)
    public Optional<String> registryAuthFor(String imageReference) {
        String host = RegistryAddress.hostOf(imageReference);
        for (RegistryRepository.Row r : repository.all()) {
            if (RegistryAddress.parse(r.url()).host().equals(host) && r.username() != null
                    && r.passwordSealed() != null) {
                return Optional.of(header(r.username(), cipher().open(r.passwordSealed(), r.url()), host));
            }
        }
        return Optional.empty();
    }

    private String header(String username, String password, String host) {
        Map<String, String> auth = new LinkedHashMap<>();
        auth.put("username", username);
        auth.put("password", password);
        auth.put("serveraddress", host);
        try {
            return Base64.getUrlEncoder().encodeToString(json.writeValueAsString(auth).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private RegistryRepository.Row checked(long id, RegistryDraft draft, @Nullable String keptPassword) {
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new InvalidRegistryException("A registry needs a name of 1 to " + MAX_NAME + " characters.");
        }
        RegistryAddress address = RegistryAddress.parse(draft.url() == null ? "" : draft.url());
        if (repository.taken("name", name, id)) {
            throw new InvalidRegistryException("There is already a registry named " + name + ".");
        }
        if (repository.taken("url", address.url(), id)) {
            throw new InvalidRegistryException("The registry " + address.url() + " is already known.");
        }
        String username = draft.username() == null || draft.username().isBlank() ? null : draft.username().strip();
        String password = draft.password() != null && !draft.password().isEmpty() ? draft.password() : keptPassword;
        if (username == null && draft.password() != null && !draft.password().isEmpty()) {
            throw new InvalidRegistryException("A password needs a user name.");
        }
        if (username != null && password == null) {
            throw new InvalidRegistryException("The user " + username + " needs a password (or an access token).");
        }
        String sealed = username == null ? null : cipher().seal(password, address.url());
        return new RegistryRepository.Row(id, name, address.url(), draft.enabled(), username, sealed);
    }

    private RegistryRepository.Row row(long id) {
        return repository.find(id).orElseThrow(() -> new RegistryNotFoundException(id));
    }

    /** Made on first use, so that a console without credentials has no key file. */
    private CredentialCipher cipher() {
        CredentialCipher c = cipher;
        if (c == null) {
            synchronized (this) {
                c = cipher;
                if (c == null) {
                    c = CredentialCipher.withKeyIn(properties.data().resolve("console"));
                    cipher = c;
                }
            }
        }
        return c;
    }
}
