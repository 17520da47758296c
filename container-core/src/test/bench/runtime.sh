#!/usr/bin/env bash
# ./gantry bench runtime: builds the module's classes if needed and runs io.gantry.core.bench.RuntimeBench, which
# prints the BENCH lines (run-to-exit against crun and runc, shim-rss, density). Root only; installs crun, runc and
# hyperfine with apt if missing. Extra arguments go to the JVM (e.g. -Dbench.runs=50).
set -euo pipefail
MODULE=$(cd "$(dirname "$0")/../../.." && pwd)
[ "$(id -u)" = 0 ] || { echo "bench runtime: needs root" >&2; exit 2; }
cd "$MODULE"
mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -XX:+UseSerialGC "$@" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" io.gantry.core.bench.RuntimeBench
