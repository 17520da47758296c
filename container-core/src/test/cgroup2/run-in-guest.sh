#!/usr/bin/env bash
# The cgroup v2 phase of ./gantry test: runs the v2 driver's tests and a container smoke test (memory limit
# with the OOM flag, pids limit, CPU quota written and throttling seen, freezer, stats non-zero, isolation
# including the eBPF device filter, privileged containers, exec, attach and TTYs, an engine killed and
# taken over, everything removed) on a real cgroup v2 kernel, inside ../shared/tools/cgroup2-guest (Debian 12's kernel under qemu,
# this host's root read-only, a pure v2 hierarchy).
#
#   container-core/src/test/cgroup2/run-in-guest.sh     (root; after the module's classes and test classes are
#                                                        built, e.g. by ./gantry test's build phase)
#
# Uses target/classes and target/test-classes as built; the test classpath comes from Maven (resolved here, on
# the host: the guest has no network), with junit-platform-console-standalone as the launcher. Exit status:
# non-zero if a test failed, a selected test was skipped or aborted, or a cgroup or mount was left behind.
# GANTRY_LEAK_CYCLES (default 20: containers start about 20 times slower under software emulation, about 1 s
# per cycle, so 200 would add some 3 minutes to the phase) sets the leak test's cycles.
set -euo pipefail
MODULE=$(cd "$(dirname "$0")/../../.." && pwd)
CHECKOUT=$(cd "$MODULE/.." && pwd)
GUEST=${CGROUP2_GUEST:-$CHECKOUT/../shared/tools/cgroup2-guest}
OUT=$MODULE/target/cgroup2
JUNIT_CONSOLE=1.12.2   # the junit-platform version of the module's test classpath
TESTS=(io.gantry.core.cgroup.CgroupV2DriverTest io.gantry.core.cgroup.CgroupFilesTest io.gantry.core.runtime.IsolationTest
       io.gantry.core.runtime.PrivilegedContainerTest io.gantry.core.runtime.ResourceLimitsTest
       io.gantry.core.runtime.StatsTest io.gantry.core.runtime.PauseRestartRenameTest io.gantry.core.runtime.ExecTest
       io.gantry.core.runtime.AttachTest io.gantry.core.runtime.EngineRestartTest io.gantry.core.runtime.LeakTest)

[ "$(id -u)" = 0 ] || { echo "run-in-guest: needs root (cgroup2-guest boots qemu with the host's root)" >&2; exit 2; }
[ -x "$GUEST" ] || { echo "run-in-guest: $GUEST not found (set CGROUP2_GUEST)" >&2; exit 2; }
[ -d "$MODULE/target/test-classes/io/gantry/core/cgroup" ] \
  || { echo "run-in-guest: build first (mvn -pl container-core test-compile)" >&2; exit 2; }

rm -rf "$OUT"; mkdir -p "$OUT/reports"
(cd "$MODULE" && mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/deps.txt" \
  && mvn -B -ntp -q dependency:copy -Dartifact="org.junit.platform:junit-platform-console-standalone:$JUNIT_CONSOLE" \
       -DoutputDirectory="$OUT")
# The standalone launcher brings JUnit itself: the module's own JUnit and ArchUnit engines stay out, or two
# engines would claim the same ID.
cp=$(tr ':' '\n' < "$OUT/deps.txt" | grep -v -e '/org/junit/' -e '/archunit-junit5' | paste -sd:)
cp="$MODULE/target/test-classes:$MODULE/target/classes:$cp:$OUT/junit-platform-console-standalone-$JUNIT_CONSOLE.jar"
selects=(); for t in "${TESTS[@]}"; do selects+=(--select-class "$t"); done

cat > "$OUT/in-guest.sh" <<G
#!/bin/sh
# Runs inside the guest (PID 1's child, root, a pure cgroup v2 hierarchy at /sys/fs/cgroup).
set -u
cd "$MODULE"
before_mounts=\$(wc -l < /proc/self/mountinfo)
GANTRY_REQUIRE_PRIVILEGED=1 java -Dgantry.leak.cycles=${GANTRY_LEAK_CYCLES:-20} -cp "$cp" \\
  org.junit.platform.console.ConsoleLauncher execute --disable-banner --details=tree --fail-if-no-tests \\
  --reports-dir "$OUT/reports" ${selects[*]} > "$OUT/console.txt" 2>&1
rc=\$?
cat "$OUT/console.txt"
aborted=\$(sed -n 's/.*\\[ *\\([0-9]*\\) tests aborted.*/\\1/p' "$OUT/console.txt")
skipped=\$(sed -n 's/.*\\[ *\\([0-9]*\\) tests skipped.*/\\1/p' "$OUT/console.txt")
if [ "\${aborted:-1}" != 0 ] || [ "\${skipped:-1}" != 0 ]; then
  echo "run-in-guest: \$aborted aborted, \$skipped skipped: every selected test must run on cgroup v2"; rc=1
fi
left=\$(find /sys/fs/cgroup -mindepth 1 -type d -name 'gantry*' | grep -v '/gantry-engine\$' || true)
if [ -n "\$left" ]; then echo "run-in-guest: cgroups left behind:"; echo "\$left"; rc=1; fi
if [ "\$(wc -l < /proc/self/mountinfo)" != "\$before_mounts" ]; then
  echo "run-in-guest: mounts left behind:"; grep -e overlay -e gantry /proc/self/mountinfo; rc=1
fi
if [ -n "\$(ls -d /run/gantry-* /var/tmp/gantry-test-* 2>/dev/null)" ]; then
  echo "run-in-guest: files left behind:"; ls -d /run/gantry-* /var/tmp/gantry-test-*; rc=1
fi
exit \$rc
G
chmod +x "$OUT/in-guest.sh"
echo "run-in-guest: booting the cgroup v2 guest for ${#TESTS[@]} test classes (reports in $OUT/reports)"
# The JVM under qemu's software emulation has crashed once in its own JIT-compiled code (SIGSEGV in
# ClassLoader.checkName, CI of 2026-11-28) before any test ran: an emulator fault, not a test result. Such a run
# boots a fresh guest once more; any other failure stands.
for attempt in 1 2; do
  rc=0; "$GUEST" --share "$OUT" --mem 2048 --cpus 2 --timeout 900 -- "$OUT/in-guest.sh" || rc=$?
  grep -q 'A fatal error has been detected by the Java Runtime Environment' "$OUT/console.txt" 2>/dev/null || break
  [ "$attempt" = 2 ] || echo "run-in-guest: the JVM crashed inside the emulator (see above); booting a fresh guest once more"
done
exit "$rc"
