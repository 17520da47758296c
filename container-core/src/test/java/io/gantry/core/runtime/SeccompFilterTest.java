package io.gantry.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class SeccompFilterTest {

    @Test
    void the_profile_denies_at_least_twenty_syscalls() {
        assertThat(SeccompFilter.rules()).hasSizeGreaterThanOrEqualTo(20)
                .extracting(SeccompFilter.Rule::name).contains("keyctl", "add_key", "request_key", "unshare", "mount",
                        "kexec_load", "open_by_handle_at", "bpf", "perf_event_open", "userfaultfd");
    }

    @Test
    void a_capability_lifts_the_rules_it_guards() {
        String defaults = SeccompFilter.compile(Capability.dockerDefaults());
        EnumSet<Capability> admin = EnumSet.copyOf(Capability.dockerDefaults());
        admin.add(Capability.SYS_ADMIN);
        assertThat(SeccompFilter.compile(admin).length()).isLessThan(defaults.length());
    }

    @Test
    void the_program_checks_the_architecture_first_and_allows_last() {
        String hex = SeccompFilter.compile(Capability.dockerDefaults());
        assertThat(hex.length() % 16).isZero();
        assertThat(hex).startsWith("2000000004000000"); // ld [4]: arch
        assertThat(hex).endsWith("060000000000ff7f"); // ret ALLOW
    }
}
