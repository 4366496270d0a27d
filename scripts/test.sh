#!/usr/bin/env bash
# Runs the whole test suite: unit tests, integration tests against real processes, and the
# interoperability tests against the real Node.js zerorpc peer.
#
#   scripts/test.sh [extra maven arguments]
#
# Needs a PostgreSQL on 127.0.0.1:5432 with a database test that trusts logins from 127.0.0.1, or
# INTUITION_PG_URL naming another. Prepares what it can by itself (the Node peer, via npm, into
# interop/node/node_modules; playwright-core, via npm, into console/e2e/node_modules; a Mosquitto
# 2.0.13+ beside the system one, via scripts/setup-fixed-mosquitto.sh) and names what it cannot install instead of failing halfway.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

missing() {
  echo "scripts/test.sh: $1" >&2
  exit 1
}

command -v java >/dev/null 2>&1 || missing "java is missing: install a JDK 17 or newer"
java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
[ "${java_major:-0}" -ge 17 ] 2>/dev/null || missing "Java 17 or newer is needed, found ${java_major:-none}"
command -v mvn >/dev/null 2>&1 || missing "mvn is missing: install Apache Maven 3.8 or newer"

mosquitto_bin=$(command -v mosquitto || ls /usr/sbin/mosquitto /usr/local/sbin/mosquitto 2>/dev/null | head -1 || true)
if [ -z "$mosquitto_bin" ] || ! command -v mosquitto_pub >/dev/null 2>&1; then
  if docker info >/dev/null 2>&1; then
    missing "mosquitto is missing: install it (apt-get install mosquitto mosquitto-clients); with Docker running only the Testcontainers broker tests can run (mvn verify -Dit.test='DockerBrokerIT')"
  fi
  missing "mosquitto is missing: install mosquitto and mosquitto-clients (apt-get install mosquitto mosquitto-clients), or start Docker"
fi

command -v openssl >/dev/null 2>&1 ||
  missing "openssl is missing: install it (apt-get install openssl); the TLS tests make their certificates with it"

command -v nats-server >/dev/null 2>&1 || [ -x /usr/sbin/nats-server ] ||
  missing "nats-server is missing: install it (apt-get install nats-server); the clustered broker tests start a three-node NATS cluster with it"

# the JDBC replay tests read from a real PostgreSQL, by default the local one's database test
if [ -z "${INTUITION_PG_URL:-}" ]; then
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h 127.0.0.1 -p 5432
  else
    (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null
  fi || missing "PostgreSQL is not reachable on 127.0.0.1:5432: the JDBC replay tests need one with a database test that trusts logins from 127.0.0.1 (apt-get install postgresql, then as .ci/run does), or set INTUITION_PG_URL=jdbc:postgresql://host:port/database?user=name"
fi

scripts/setup-node-peer.sh
# playwright-core for the console's browser test, which skips, saying so, without Chromium
scripts/setup-console-e2e.sh
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] ||
  echo "scripts/test.sh: Chromium is missing at ${CHROMIUM_PATH:-/usr/bin/chromium}: the console's browser test (ConsoleBrowserIT) will be skipped; apt-get install chromium, or set CHROMIUM_PATH" >&2
# a broker without 2.0.11's inflight-quota bug, for the tests that need one; they skip without it
if fixed_mosquitto=$(scripts/setup-fixed-mosquitto.sh); then
  export INTUITION_MOSQUITTO_FIXED="$fixed_mosquitto"
else
  echo "scripts/test.sh: going on without a fixed Mosquitto (see the reason above)" >&2
fi

exec mvn -B verify "$@"
