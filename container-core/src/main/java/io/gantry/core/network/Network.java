package io.gantry.core.network;

import io.gantry.core.errors.InvalidArgumentException;
import java.util.regex.Pattern;

/**
 * A bridge network of this engine instance.
 *
 * @param id          64 hex digits, as Docker's network IDs
 * @param name        the user-facing name ({@code bridge} for the default network)
 * @param bridge      the Linux bridge interface, named after the instance ({@code gantry0}, {@code gt1a2b3c4d1})
 * @param index       the bridge's index within the instance
 * @param subnet      the network's IPv4 subnet
 * @param gateway     the bridge's address, the containers' default route
 * @param isDefault   the default bridge: legacy links work here, and containers are not resolvable by name
 * @param createdMillis creation time, epoch milliseconds
 */
public record Network(String id, String name, String bridge, int index, String subnet, String gateway,
                      boolean isDefault, long createdMillis) {

    /** The name of the default bridge network, as Docker calls it. */
    public static final String DEFAULT_NAME = "bridge";

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}");

    public Network {
        validateName(name);
        Ipv4Subnet.parse(subnet);
        Ipv4Subnet.parseAddress(gateway);
    }

    static void validateName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new InvalidArgumentException("invalid network name " + name + ": use [a-zA-Z0-9][a-zA-Z0-9_.-]*");
        }
    }

    public Ipv4Subnet ipv4Subnet() {
        return Ipv4Subnet.parse(subnet);
    }
}
