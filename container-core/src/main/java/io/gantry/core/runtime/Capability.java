package io.gantry.core.runtime;

import java.util.EnumSet;
import java.util.Set;

/** Linux capabilities, in kernel bit order ({@code ordinal()} is the bit). */
public enum Capability {
    CHOWN, DAC_OVERRIDE, DAC_READ_SEARCH, FOWNER, FSETID, KILL, SETGID, SETUID, SETPCAP, LINUX_IMMUTABLE,
    NET_BIND_SERVICE, NET_BROADCAST, NET_ADMIN, NET_RAW, IPC_LOCK, IPC_OWNER, SYS_MODULE, SYS_RAWIO, SYS_CHROOT,
    SYS_PTRACE, SYS_PACCT, SYS_ADMIN, SYS_BOOT, SYS_NICE, SYS_RESOURCE, SYS_TIME, SYS_TTY_CONFIG, MKNOD, LEASE,
    AUDIT_WRITE, AUDIT_CONTROL, SETFCAP, MAC_OVERRIDE, MAC_ADMIN, SYSLOG, WAKE_ALARM, BLOCK_SUSPEND, AUDIT_READ,
    PERFMON, BPF, CHECKPOINT_RESTORE;

    /** Docker's default set (moby {@code oci/caps/defaults.go}). */
    public static Set<Capability> dockerDefaults() {
        return EnumSet.of(CHOWN, DAC_OVERRIDE, FSETID, FOWNER, MKNOD, NET_RAW, SETGID, SETUID, SETFCAP, SETPCAP,
                NET_BIND_SERVICE, SYS_CHROOT, KILL, AUDIT_WRITE);
    }

    /** Parses {@code CAP_SYS_ADMIN} or {@code SYS_ADMIN}, as Docker's {@code --cap-add} accepts both. */
    public static Capability parse(String name) {
        String n = name.toUpperCase(java.util.Locale.ROOT);
        return valueOf(n.startsWith("CAP_") ? n.substring(4) : n);
    }

    public long bit() {
        return 1L << ordinal();
    }

    static long mask(Set<Capability> caps) {
        return caps.stream().mapToLong(Capability::bit).reduce(0, (a, b) -> a | b);
    }
}
