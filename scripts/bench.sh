#!/usr/bin/env bash
# Measures the suite on this machine against Mosquitto's own ceiling, prints a table and writes
# bench-results/<timestamp>.json with its latency plot (.svg):
#
#   scripts/bench.sh [bench options]      (scripts/bench.sh --help lists them)
#
# Builds the jars when they are missing or older than a source file. Starts a Mosquitto of its
# own on a free port (or uses --mqtt URL), and the algo-service and bridge-service as processes.
# A full run takes about four minutes; --quotes, --seconds and --rpc-seconds shorten it.
# 'scripts/bench.sh soak' (what scripts/soak.sh runs) soaks the suite instead; see its --help.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/jars.sh
source "$root/scripts/lib/jars.sh"

readonly MODULES=(algo-service bridge-service feed-service launcher bench) # feed-service: for bench soak; launcher: its process helpers are in the bench jar

fail() {
  echo "bench.sh: $*" >&2
  exit 1
}

command -v java >/dev/null 2>&1 || fail "java is missing: install a JDK 17 or newer"
stale=$(stale_jars "$root" "${MODULES[@]}")
if [[ -n $stale ]]; then
  command -v mvn >/dev/null 2>&1 || fail "mvn is missing, and the jars need building: install Apache Maven 3.8+"
  mkdir -p "$root/bench-results"
  log="$root/bench-results/build.log"
  echo "bench.sh: building the jars (mvn package, log in $log) ..." >&2
  (cd "$root" && mvn -q -B package -DskipTests -DskipITs -Dspotless.check.skip=true) >"$log" 2>&1 ||
    fail "the build failed: see $log"
fi

cd "$root"
exec java -XX:+UseSerialGC -Xmx256m -jar "$root/bench/target/bench.jar" --root "$root" "$@"
