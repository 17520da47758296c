#!/usr/bin/env bash
# ./gantry bench api: builds the module's classes if needed and runs io.gantry.core.bench.ApiBench, which prints the
# BENCH lines (ps-roundtrip and run-rm, the docker CLI against Gantry and against Debian's dockerd in the same run).
# Root only; needs docker.io and docker-registry (installed by ./gantry test). Extra arguments go to the JVM
# (e.g. -Dbench.runs=60).
set -euo pipefail
MODULE=$(cd "$(dirname "$0")/../../.." && pwd)
[ "$(id -u)" = 0 ] || { echo "bench api: needs root" >&2; exit 2; }
for tool in /usr/sbin/dockerd /usr/bin/docker-registry; do
  [ -x "$tool" ] || { echo "bench api: $tool is missing (apt-get install docker.io docker-registry)" >&2; exit 2; }
done
cd "$MODULE"
mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -XX:+UseSerialGC "$@" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" io.gantry.core.bench.ApiBench
