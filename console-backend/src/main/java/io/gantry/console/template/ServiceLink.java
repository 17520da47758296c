package io.gantry.console.template;

import java.util.Objects;

/** A link from one service to another, under an alias (a host name and the prefix of Docker's link variables). */
public record ServiceLink(String service, String alias, Origin origin) {

    public ServiceLink {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(origin, "origin");
    }

    public static ServiceLink of(String service, String alias) {
        return new ServiceLink(service, alias, Origin.none());
    }
}
