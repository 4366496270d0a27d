#!/usr/bin/env bash
# Runs the whole suite on this machine and shows the orders as they arrive:
#
#   scripts/run.sh [--mqtt URL] [--algo NAME] [--duration SECONDS] [--rate N] [--run-dir DIR]
#                  [--console-port PORT]
#
# Builds the jars when they are missing or older than a source file, then hands every argument to
# the launcher (launcher/target/launcher.jar run), which uses the broker listening at --mqtt or
# starts one (Mosquitto if installed, else the embedded broker), starts algo-service,
# bridge-service, feed-service and the console (a live web page: it prints
# "console: http://127.0.0.1:PORT", 8080 unless taken or --console-port says otherwise), and shows
# the orders beside a line of the book every few seconds. Ctrl-C, SIGTERM or the end of --duration
# stops everything it started; the logs stay in the run folder. scripts/run.sh --help lists the
# options.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/jars.sh
source "$root/scripts/lib/jars.sh"

readonly MODULES=(algo-service bridge-service feed-service console broker launcher)
# the launcher's own JVM: it starts processes and follows files
readonly LAUNCHER_OPTS=(-XX:+UseSerialGC -Xms16m -Xmx64m -Xss512k -XX:TieredStopAtLevel=1)

fail() {
  echo "run.sh: $*" >&2
  exit 1
}

build() {
  local stale log=$root/runs/build.log
  stale=$(stale_jars "$root" "${MODULES[@]}")
  [[ -z $stale ]] && return
  command -v mvn >/dev/null 2>&1 || fail "mvn is missing, and the jars need building: install Apache Maven 3.8+"
  mkdir -p "$root/runs"
  echo "run.sh: building the jars (mvn package, log in $log) ..."
  local modules
  modules=$(IFS=,; echo "${MODULES[*]}")
  (cd "$root" && mvn -q -B -DskipTests -DskipITs -Dspotless.check.skip=true -pl "$modules" -am package) \
    >"$log" 2>&1 || fail "the build failed: see $log"
}

command -v java >/dev/null 2>&1 || fail "java is missing: install a JDK 17 or newer"
build
INTUITION_ROOT=$root INTUITION_LAUNCHED_AS=run.sh \
  exec java "${LAUNCHER_OPTS[@]}" -jar "$root/launcher/target/launcher.jar" run "$@"
