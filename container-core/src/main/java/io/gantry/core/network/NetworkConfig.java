package io.gantry.core.network;

import java.nio.file.Path;
import java.util.List;

/**
 * The engine's networking settings.
 *
 * @param subnetPool     where network subnets come from ({@code 10.222.0.0/16})
 * @param subnetPrefix   the size of each network's subnet ({@code 24})
 * @param dns            resolvers for containers; empty means "the host's non-loopback ones"
 * @param hostResolvConf the host's resolver file ({@code /etc/resolv.conf})
 * @param portDriver     how published ports are forwarded
 */
public record NetworkConfig(String subnetPool, int subnetPrefix, List<String> dns, Path hostResolvConf,
                            PortDriver portDriver) {

    /** How published ports reach a container. */
    public enum PortDriver {
        /** Kernel DNAT in the instance's own table: no process on the data path, survives engine restarts. */
        NFTABLES,
        /** A forwarding process per container, for hosts without nftables. */
        USERSPACE;

        /** NFTABLES where the {@code nft} tool exists, else USERSPACE. */
        public static PortDriver detect() {
            return NftTable.available() ? NFTABLES : USERSPACE;
        }

        /** {@code nftables} or {@code userspace}, as {@code --port-driver} takes it. */
        public static PortDriver parse(String name) {
            return switch (name) {
                case "nftables" -> NFTABLES;
                case "userspace" -> USERSPACE;
                default -> throw new IllegalArgumentException("unknown port driver '" + name
                        + "' (nftables: kernel NAT in the instance's table; userspace: a proxy process per container)");
            };
        }
    }

    public NetworkConfig {
        dns = List.copyOf(dns);
        new SubnetPool(Ipv4Subnet.parse(subnetPool), subnetPrefix);
    }

    public static NetworkConfig defaults() {
        return new NetworkConfig("10.222.0.0/16", 24, List.of(), Path.of("/etc/resolv.conf"), PortDriver.detect());
    }

    /** A resolver address as {@code --dns} takes it: an IPv4 address. */
    public static String checkResolver(String address) {
        try {
            Ipv4Subnet.parseAddress(address);
            return address;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--dns needs an IPv4 address, not " + address);
        }
    }

    public NetworkConfig withDns(List<String> servers) {
        return new NetworkConfig(subnetPool, subnetPrefix, servers, hostResolvConf, portDriver);
    }

    public NetworkConfig withSubnetPool(String pool) {
        return new NetworkConfig(pool, subnetPrefix, dns, hostResolvConf, portDriver);
    }

    public NetworkConfig withPortDriver(PortDriver driver) {
        return new NetworkConfig(subnetPool, subnetPrefix, dns, hostResolvConf, driver);
    }

    SubnetPool pool() {
        return new SubnetPool(Ipv4Subnet.parse(subnetPool), subnetPrefix);
    }
}
