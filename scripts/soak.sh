#!/usr/bin/env bash
# Runs the whole suite (Mosquitto, feed-service, bridge-service, algo-service) at a fixed rate,
# samples the RSS, open file descriptors and threads of every process every 10 s, and ends with
# whether each stayed flat, and sent/answered/lost; writes bench-results/soak-<timestamp>.json:
#
#   scripts/soak.sh [--minutes N] [--rate R] [soak options]   (scripts/soak.sh --help lists them)
#
# Exit code 0 when every metric stayed flat and no quote was lost, 1 otherwise, 2 for a bad command
# line. This is 'bench soak': scripts/bench.sh builds the jars when they are stale and runs it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec "$root/scripts/bench.sh" soak "$@"
