#!/usr/bin/env bash
# Installs the real Node.js zerorpc 0.9.8 peer (plus MQTT.js) in interop/node for the
# interoperability tests. Idempotent: does nothing when the peer already loads.
#
# zerorpc 0.9.8 wants zeromq@^4, which downloads at install time and does not build on
# Node 20; interop/node/package.json overrides it with zeromq 5.3.1, built here against the
# system libzmq (libzmq3-dev) and the installed Node headers.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
peer_dir="$(cd "$script_dir/../interop/node" && pwd)"

peer_loads() {
  [ -d "$peer_dir/node_modules/zerorpc" ] &&
    (cd "$peer_dir" && node -e "require('zerorpc')") >/dev/null 2>&1
}

if command -v node >/dev/null 2>&1 && peer_loads; then
  echo "node peer ready"
  exit 0
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "node and npm are needed for the interop tests: install Node.js 18+ (apt-get install nodejs npm)" >&2
  exit 1
fi

if [ ! -f /usr/include/zmq.h ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing libzmq3-dev (the system libzmq and headers)"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y libzmq3-dev; then
      apt-get update
      DEBIAN_FRONTEND=noninteractive apt-get install -y libzmq3-dev
    fi
  else
    echo "install libzmq3-dev (the system libzmq and headers)" >&2
    exit 1
  fi
fi

cd "$peer_dir"
export npm_config_zmq_external=true npm_config_nodedir=/usr
if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  npm install --no-audit --no-fund
fi

if ! node -e "require('zerorpc')"; then
  echo "npm finished but require('zerorpc') still fails in $peer_dir" >&2
  exit 1
fi
echo "node peer ready"
