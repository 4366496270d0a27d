#!/usr/bin/env bash
# Prints the book of a running algo-service: cash, equity, realised and unrealised PnL, positions.
#
#   scripts/portfolio.sh [RPC] [--every SECONDS]
#   scripts/portfolio.sh tcp://127.0.0.1:4242
#
# A thin wrapper of 'java -jar algo-service/target/algo-service.jar portfolio', which --help
# describes; it builds the jar when it is missing.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar=$root/algo-service/target/algo-service.jar

command -v java >/dev/null 2>&1 || { echo "portfolio.sh: java is missing: install a JDK 17 or newer" >&2; exit 1; }
if [[ ! -f $jar ]]; then
  echo "portfolio.sh: building algo-service (mvn -q -DskipTests -pl algo-service -am package)" >&2
  (cd "$root" && mvn -q -DskipTests -pl algo-service -am package) >&2
fi
exec java -XX:+UseSerialGC -Xmx64m -jar "$jar" portfolio "$@"
