package io.gantry.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.testing.Privileged;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Syscalls Docker's default profile denies, made with arguments that fail harmlessly (EFAULT, EINVAL, EBADF, ...)
 * when the call is let through: confined they must fail with EPERM, unconfined with anything else.
 */
@Privileged
class SeccompTest {

    private static final int EPERM = 1;
    private static final int ENOSYS = 38;

    /** name → probe spec {@code nr:args}, in call order: unshare last, as entering a user namespace drops caps. */
    private static final Map<String, String> DENIED = ordered(
            Map.entry("keyctl", "250:9999"),
            Map.entry("add_key", "248:0:0:0:0:0"),
            Map.entry("request_key", "249:0:0:0:0"),
            Map.entry("mount", "165:0:0:0:0:0"),
            Map.entry("umount2", "166:0:0"),
            Map.entry("pivot_root", "155:0:0"),
            Map.entry("open_by_handle_at", "304:-1:0:0"),
            Map.entry("bpf", "321:9999:0:0"),
            Map.entry("perf_event_open", "298:0:0:-1:-1:0"),
            Map.entry("userfaultfd", "323:0x7fffffff"),
            Map.entry("setns", "308:-1:0"),
            Map.entry("finit_module", "313:-1:0:0"),
            Map.entry("delete_module", "176:0:0"),
            Map.entry("iopl", "172:9"),
            Map.entry("swapon", "167:0:0"),
            Map.entry("swapoff", "168:0"),
            Map.entry("reboot", "169:0:0:0:0"),
            Map.entry("clock_settime", "227:9999:0"),
            Map.entry("syslog", "103:9999:0:0"),
            Map.entry("fsopen", "430:0:0"),
            Map.entry("open_tree", "428:-1:0:0"),
            Map.entry("move_mount", "429:-1:0:-1:0:0"),
            Map.entry("mount_setattr", "442:-1:0:0:0:0"),
            Map.entry("pidfd_getfd", "438:-1:0:0"),
            Map.entry("kcmp", "312:0:0:9999:0:0"),
            Map.entry("sethostname", "170:0:99999"),
            Map.entry("quotactl_fd", "443:-1:0:0:0"),
            Map.entry("io_uring_setup", "425:0:0"),
            Map.entry("unshare(CLONE_NEWUSER)", "272:0x10000000"));

    private static TestEngine engine;

    @BeforeAll
    static void start() {
        engine = TestEngine.start();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void with_default_capabilities_every_listed_syscall_is_denied_with_eperm() {
        Map<String, Integer> errnos = probe(engine.spec("true"));
        assertThat(errnos).hasSize(DENIED.size()).allSatisfy((name, errno) -> assertThat(errno).as(name).isEqualTo(EPERM));
    }

    @Test
    void clone3_fails_with_enosys_so_that_libcs_fall_back_to_clone() {
        assertThat(engine.run("probe", "syscall", "435:0:0").stdout()).isEqualTo("435 " + ENOSYS + "\n");
    }

    @Test
    void unconfined_and_privileged_the_same_syscalls_fail_for_other_reasons() {
        Map<String, Integer> errnos = probe(engine.spec("true").privileged(true));
        assertThat(errnos).hasSize(DENIED.size()).allSatisfy((name, errno) -> assertThat(errno).as(name).isNotEqualTo(EPERM));
    }

    @Test
    void cap_add_sys_admin_lifts_the_mount_family_but_not_the_keyring() {
        TestEngine.Result r = engine.run(engine.spec("probe", "syscall", "165:0:0:0:0:0", "272:0x10000000", "250:9999")
                .capAdd(Capability.SYS_ADMIN));
        assertThat(r.stdout().lines().toList()).containsExactly("165 14", "272 0", "250 1"); // EFAULT, ok, EPERM
    }

    @SafeVarargs
    private static Map<String, String> ordered(Map.Entry<String, String>... entries) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : entries) {
            m.put(e.getKey(), e.getValue());
        }
        return m;
    }

    private static Map<String, Integer> probe(ContainerSpec.Builder spec) {
        List<String> names = new ArrayList<>(DENIED.keySet());
        List<String> command = new ArrayList<>(List.of("probe", "syscall"));
        names.forEach(n -> command.add(DENIED.get(n)));
        TestEngine.Result r = engine.run(spec.command(command));
        List<String> lines = r.stdout().lines().toList();
        assertThat(lines).as(r.stderr()).hasSize(names.size());
        return names.stream().collect(Collectors.toMap(n -> n,
                n -> Integer.parseInt(lines.get(names.indexOf(n)).split(" ")[1])));
    }
}
