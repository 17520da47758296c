#!/usr/bin/env bash
# ./gantry bench images: builds the module's classes if needed and runs io.gantry.core.bench.ImagesBench, which
# prints the BENCH lines (pull-small and pull-large against docker pull and skopeo copy + umoci unpack). Root only;
# installs docker.io, skopeo and umoci with apt if missing. The first run builds the Debian image of pull-large into
# /var/cache/gantry-test (minutes). Extra arguments go to the JVM (e.g. -Dbench.runs=15).
set -euo pipefail
MODULE=$(cd "$(dirname "$0")/../../.." && pwd)
[ "$(id -u)" = 0 ] || { echo "bench images: needs root" >&2; exit 2; }
cd "$MODULE"
mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -XX:+UseSerialGC "$@" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" io.gantry.core.bench.ImagesBench
