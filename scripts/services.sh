#!/usr/bin/env bash
# Lists the services that announced themselves on MQTT, alive first, then offline:
#
#   scripts/services.sh [--mqtt URL] [--wait MS] [--timeout SECONDS]
#   scripts/services.sh --mqtt mqtt://localhost:1883
#
# KIND NAME STATE RPC/CHANNELS HTTP VERSION STARTED SEQ, from the retained messages on services/#.
# A thin wrapper of 'java -jar algo-service/target/algo-service.jar services', which --help
# describes; it builds the jar when it is missing. Logs below errors are left out (LOG_LEVEL).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar=$root/algo-service/target/algo-service.jar

command -v java >/dev/null 2>&1 || { echo "services.sh: java is missing: install a JDK 17 or newer" >&2; exit 1; }
if [[ ! -f $jar ]]; then
  echo "services.sh: building algo-service (mvn -q -DskipTests -pl algo-service -am package)" >&2
  (cd "$root" && mvn -q -DskipTests -pl algo-service -am package) >&2
fi
LOG_LEVEL=${LOG_LEVEL:-ERROR} exec java -XX:+UseSerialGC -Xmx64m -jar "$jar" services "$@"
