#!/usr/bin/env bash
# ./gantry bench network: builds the module's classes if needed and runs io.gantry.core.bench.NetworkBench, which
# prints the BENCH lines (publish-first-byte against dockerd, publish-throughput against the container's address) and
# the load average before and after. Root only; needs docker.io (dockerd) and docker-registry, which it installs with
# apt if missing. Extra arguments go to the JVM (e.g. -Dbench.runs=40).
set -euo pipefail
MODULE=$(cd "$(dirname "$0")/../../.." && pwd)
[ "$(id -u)" = 0 ] || { echo "bench network: needs root" >&2; exit 2; }
missing=()
for p in docker.io docker-registry busybox-static; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench network: installing ${missing[*]} with apt" >&2
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
cd "$MODULE"
mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -XX:+UseSerialGC "$@" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" io.gantry.core.bench.NetworkBench
