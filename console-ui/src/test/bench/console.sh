#!/usr/bin/env bash
# ./gantry bench console: the packaged console (console-ui/target/gantry.jar, built by ./gantry bench) on its own
# engine. Runs io.gantry.console.bench.DeployWordpressBench, which prints
#   BENCH deploy-wordpress gantry_min_ms=... gantry_median_ms=...  (deploy request to both services running, 5 runs)
#   BENCH console-rss-deploy gantry_rss_mib=...
# then, with 200 containers, io.gantry.console.bench.ContainersPageBench, which prints
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
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
java "$@" -Dgantry.jar=target/gantry.jar -cp "$cp" io.gantry.console.bench.DeployWordpressBench
exec java "$@" -Dgantry.jar=target/gantry.jar -cp "$cp" io.gantry.console.bench.ContainersPageBench
