package io.gantry.console.search;

import io.gantry.core.image.ImageReference;
import io.gantry.core.registry.Credentials;
import io.gantry.core.registry.RegistryClient;
import io.gantry.core.registry.RegistrySettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads repository listings from registries with the stateless registry client: a catalog, a repository's tags.
 * Registries are reached as Docker does (HTTPS, plain HTTP on loopback), trusting the per-registry CAs the engine is
 * given ({@code gantry.registry-certs}). Tags come newest-looking first: {@code latest}, then by version descending.
 */
@Component
final class RegistryTags {

    static final int PAGE = 100;

    private final RegistryClient client;

    RegistryTags(RegistryClient client) {
        this.client = client;
    }

    @Autowired
    RegistryTags(@Value("${gantry.registry-certs:/etc/gantry/certs.d}") Path certs) {
        this(new RegistryClient(RegistrySettings.defaults().withCertsDir(certs)));
    }

    /** Docker's rules: HTTPS, except plain HTTP on loopback. */
    static RegistryTags withDefaults() {
        return new RegistryTags(new RegistryClient(RegistrySettings.defaults()));
    }

    List<String> catalog(String host, @Nullable Credentials credentials) {
        return client.catalog(host, PAGE, credentials);
    }

    /** @param repository a full reference without tag: {@code 127.0.0.1:5000/library/busybox} */
    List<String> tags(String repository, @Nullable Credentials credentials) {
        List<String> tags = new ArrayList<>(client.tags(ImageReference.parse(repository), PAGE, credentials));
        tags.sort(NEWEST_FIRST);
        return tags;
    }

    static final Comparator<String> NEWEST_FIRST = Comparator.<String, Boolean>comparing(t -> !t.equals("latest"))
            .thenComparing(RegistryTags::versionKey, Comparator.reverseOrder())
            .thenComparing(Comparator.naturalOrder());

    /** {@code 1.36.1} → {@code 00001.00036.00001}, so that versions compare by number; other tags sort last. */
    private static String versionKey(String tag) {
        if (!tag.matches("v?[0-9]+(\\.[0-9]+)*.*")) {
            return "";
        }
        StringBuilder key = new StringBuilder();
        for (String part : tag.replaceFirst("^v", "").split("[^0-9]+")) {
            if (!part.isEmpty()) {
                key.append(String.format("%05d.", Math.min(99999L, Long.parseLong(part.length() > 9
                        ? part.substring(0, 9) : part))));
            }
        }
        return key.toString();
    }
}
