package io.gantry.core.cgroup;

import java.util.List;

/**
 * One device cgroup rule: {@code type major:minor access}, {@code -1} meaning any number.
 *
 * @param allow  allow or deny
 * @param type   {@code 'a'} (all), {@code 'c'} or {@code 'b'}
 * @param access any of {@code rwm}
 */
public record DeviceRule(boolean allow, char type, long major, long minor, String access) {

    public DeviceRule {
        if ("acb".indexOf(type) < 0) {
            throw new IllegalArgumentException("device type must be a, c or b: " + type);
        }
        if (access.isEmpty() || !access.chars().allMatch(ch -> "rwm".indexOf(ch) >= 0)) {
            throw new IllegalArgumentException("device access must be made of r, w, m: " + access);
        }
    }

    static DeviceRule allow(char type, long major, long minor, String access) {
        return new DeviceRule(true, type, major, minor, access);
    }

    /**
     * Docker's allowlist (moby's spec plus runc's {@code AllowedDevices}): deny everything, then allow mknod of any
     * node, the default nodes, ptys and {@code /dev/net/tun}. Anything else, notably every block device, is denied.
     */
    public static List<DeviceRule> dockerDefaults() {
        return List.of(
                new DeviceRule(false, 'a', -1, -1, "rwm"),
                allow('c', -1, -1, "m"), allow('b', -1, -1, "m"),
                allow('c', 1, 3, "rwm"), allow('c', 1, 5, "rwm"), allow('c', 1, 7, "rwm"),
                allow('c', 1, 8, "rwm"), allow('c', 1, 9, "rwm"),
                allow('c', 5, 0, "rwm"), allow('c', 5, 1, "rwm"), allow('c', 5, 2, "rwm"),
                allow('c', 136, -1, "rwm"), allow('c', 10, 200, "rwm"));
    }

    /** The v1 {@code devices.allow}/{@code devices.deny} line. */
    String v1Line() {
        if (type == 'a') {
            return "a";
        }
        return type + " " + number(major) + ":" + number(minor) + " " + access;
    }

    private static String number(long n) {
        return n < 0 ? "*" : Long.toString(n);
    }
}
