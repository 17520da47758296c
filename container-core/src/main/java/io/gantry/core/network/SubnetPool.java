package io.gantry.core.network;

import io.gantry.core.errors.FailedPreconditionException;
import io.gantry.core.errors.InvalidArgumentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a pool ({@code 10.222.0.0/16} by default) into fixed-size subnets and hands out the first one that overlaps
 * neither this instance's networks nor a range the host already routes (Docker's 172.17.0.0/16, Podman's
 * 10.88.0.0/16, a VPN...).
 *
 * @param pool   the pool
 * @param prefix the size of each network's subnet
 */
record SubnetPool(Ipv4Subnet pool, int prefix) {

    SubnetPool {
        if (prefix < pool.prefix() || prefix > 30) {
            throw new InvalidArgumentException("subnet size /" + prefix + " does not fit pool " + pool);
        }
    }

    Ipv4Subnet next(List<Ipv4Subnet> taken) {
        long step = 1L << (32 - prefix);
        for (long base = pool.base(); base < pool.base() + pool.size(); base += step) {
            Ipv4Subnet candidate = new Ipv4Subnet(base, prefix);
            if (taken.stream().noneMatch(candidate::overlaps)) {
                return candidate;
            }
        }
        throw new FailedPreconditionException("subnet pool " + pool + " is exhausted (" + taken.size() + " in use)");
    }

    /** The IPv4 ranges the host routes in its main table, default routes aside (from {@code /proc/net/route}). */
    static List<Ipv4Subnet> hostRoutes() throws IOException {
        return parseProcRoute(Files.readString(Path.of("/proc/net/route")));
    }

    static List<Ipv4Subnet> parseProcRoute(String text) {
        List<Ipv4Subnet> routes = new ArrayList<>();
        for (String line : text.lines().skip(1).toList()) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 8) {
                continue;
            }
            long dest = Long.reverseBytes(Long.parseLong(f[1], 16) << 32) & 0xFFFF_FFFFL;
            long mask = Long.reverseBytes(Long.parseLong(f[7], 16) << 32) & 0xFFFF_FFFFL;
            int prefix = Long.bitCount(mask);
            if (prefix > 0) {
                routes.add(new Ipv4Subnet(dest & mask, prefix));
            }
        }
        return routes;
    }
}
