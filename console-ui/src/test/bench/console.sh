#!/usr/bin/env bash
# ./gantry bench console: the packaged console (console-ui/target/gantry.jar, built by ./gantry bench) with 200
# containers on its own engine; runs io.gantry.console.bench.ContainersPageBench, which prints
#   BENCH containers-page-200 gantry_min_ms=... gantry_median_ms=...  (page request to grid populated, Chromium)
#   BENCH console-rss-200 gantry_rss_mib=...
# Root only (the embedded engine); needs chromium, chromium-driver, docker-registry and the docker CLI (./gantry test
# installs them). Extra arguments go to the JVM (e.g. -Dbench.rounds=15).
set -euo pipefail
MODULE=$(cd "$(dirname "$0")/../../.." && pwd)
[ "$(id -u)" = 0 ] || { echo "bench console: needs root" >&2; exit 2; }
cd "$MODULE"
[ -f target/gantry.jar ] || { echo "bench console: build the console first (./gantry build)" >&2; exit 2; }
mvn -B -ntp -q -Pproduction test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt
exec java "$@" -Dgantry.jar=target/gantry.jar -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.gantry.console.bench.ContainersPageBench
