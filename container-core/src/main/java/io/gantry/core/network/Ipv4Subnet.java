package io.gantry.core.network;

import io.gantry.core.errors.InvalidArgumentException;

/**
 * An IPv4 network in CIDR form; the base address has no host bits set.
 *
 * @param base   the network address as an unsigned 32-bit value
 * @param prefix the prefix length, 8 to 30 (a bridge network needs a gateway and at least one container)
 */
public record Ipv4Subnet(long base, int prefix) {

    public Ipv4Subnet {
        if (prefix < 0 || prefix > 32 || base < 0 || base > 0xFFFF_FFFFL) {
            throw new InvalidArgumentException("invalid IPv4 subnet " + base + "/" + prefix);
        }
        if ((base & ~mask(prefix) & 0xFFFF_FFFFL) != 0) {
            throw new InvalidArgumentException("subnet " + Ipv4Subnet.format(base) + "/" + prefix + " has host bits set");
        }
    }

    /** Parses {@code a.b.c.d/n}. */
    public static Ipv4Subnet parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new InvalidArgumentException("subnet is not in CIDR form: " + cidr);
        }
        try {
            return new Ipv4Subnet(parseAddress(cidr.substring(0, slash)), Integer.parseInt(cidr.substring(slash + 1)));
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("subnet is not in CIDR form: " + cidr, e);
        }
    }

    /** Parses a dotted-quad address into an unsigned 32-bit value. */
    public static long parseAddress(String ip) {
        String[] parts = ip.split("\\.", -1);
        if (parts.length != 4) {
            throw new InvalidArgumentException("not an IPv4 address: " + ip);
        }
        long v = 0;
        for (String p : parts) {
            int octet;
            try {
                octet = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new InvalidArgumentException("not an IPv4 address: " + ip, e);
            }
            if (octet < 0 || octet > 255 || p.isEmpty() || p.length() > 3) {
                throw new InvalidArgumentException("not an IPv4 address: " + ip);
            }
            v = (v << 8) | octet;
        }
        return v;
    }

    public static String format(long address) {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "." + (address & 255);
    }

    static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
    }

    public long size() {
        return 1L << (32 - prefix);
    }

    public boolean contains(long address) {
        return (address & mask(prefix)) == base;
    }

    public boolean overlaps(Ipv4Subnet other) {
        int p = Math.min(prefix, other.prefix);
        return (base & mask(p)) == (other.base & mask(p));
    }

    /** The {@code n}-th address of the subnet (0 is the network address). */
    public String address(long n) {
        if (n < 0 || n >= size()) {
            throw new IllegalArgumentException("host index " + n + " outside " + this);
        }
        return format(base + n);
    }

    /** The first usable address, which Gantry gives the bridge. */
    public String gateway() {
        return address(1);
    }

    @Override
    public String toString() {
        return format(base) + "/" + prefix;
    }
}
