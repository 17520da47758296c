package io.gantry.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.cgroup.CgroupDriver;
import io.gantry.core.cgroup.CgroupDrivers;
import io.gantry.core.cgroup.Resources;
import io.gantry.core.instance.EngineInstance;
import io.gantry.core.testing.Privileged;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** An engine JVM killed with SIGKILL, and a new engine on the same data root that takes over. */
@Privileged
class EngineRestartTest {

    @Test
    void a_new_engine_takes_over_running_containers_learns_exits_resumes_policies_and_removes_leftovers()
            throws Exception {
        Path root = TestEngine.newRoot(false);
        String ticking;
        String exits7;
        String always;
        Process child = startEngineProcess(root);
        try (Writer to = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
             BufferedReader from = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            ticking = run(to, from, "no", "i=0; while :; do echo tick $i; i=$((i+1)); sleep 0.1; done");
            exits7 = run(to, from, "no", "sleep 0.5; exit 7");
            always = run(to, from, "always", "echo run; sleep 0.5");
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
            child.waitFor();
        }
        Path containers = root.resolve("containers");
        awaitTrue(() -> Files.exists(containers.resolve(exits7).resolve("exit"))
                && Files.exists(containers.resolve(always).resolve("exit")), Duration.ofSeconds(10));
        String halfCreated = "e".repeat(64);
        Files.createDirectories(containers.resolve(halfCreated).resolve("rootfs"));
        Files.createDirectories(root.resolve("snapshots/active").resolve("f".repeat(64)).resolve("upper"));
        EngineInstance instance = EngineInstance.forDataRoot(root);
        try (CgroupDriver cgroups = CgroupDrivers.detect(instance.cgroupName())) {
            cgroups.create(halfCreated, Resources.defaults());
        }

        try (TestEngine engine = TestEngine.open(root)) {
            ContainerRuntime rt = engine.runtime;
            assertThat(rt.list()).containsExactlyInAnyOrder(ticking, exits7, always);
            assertThat(containers.resolve(halfCreated)).doesNotExist();
            assertThat(root.resolve("snapshots/active").resolve("f".repeat(64))).doesNotExist();
            try (CgroupDriver cgroups = CgroupDrivers.detect(instance.cgroupName())) {
                assertThat(cgroups.find(halfCreated)).isEmpty();
            }

            assertThat(rt.inspect(ticking).state()).isEqualTo(ContainerState.RUNNING);
            int ticks = rt.logs(ticking).size();
            awaitTrue(() -> rt.logs(ticking).size() > ticks + 2, Duration.ofSeconds(5));

            assertThat(rt.inspect(exits7).state()).isEqualTo(ContainerState.EXITED);
            assertThat(rt.wait(exits7, Duration.ZERO)).get().extracting(ExitStatus::exitCode).isEqualTo(7);

            awaitTrue(() -> runs(rt, always) >= 2, Duration.ofSeconds(10));
            assertThat(rt.inspect(always).restartCount()).isPositive();

            rt.kill(ticking, 9); // a container this engine did not start still reports its exit
            assertThat(rt.wait(ticking, Duration.ofSeconds(5))).get().extracting(ExitStatus::exitCode).isEqualTo(137);
        }
    }

    private static long runs(ContainerRuntime rt, String id) {
        return rt.logs(id).stream().filter(e -> e.text().equals("run\n")).count();
    }

    private static Process startEngineProcess(Path root) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xss512k", "-cp", System.getProperty("java.class.path"),
                EngineProcess.class.getName(), root.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static String run(Writer to, BufferedReader from, String policy, String script) throws IOException {
        to.write("run " + policy + " " + script + "\n");
        to.flush();
        String answer = from.readLine();
        assertThat(answer).as("engine process answer").startsWith("id ");
        return answer.substring(3);
    }

    static void awaitTrue(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            ContainerLifecycleTest.sleepMs(50);
        }
    }

}
