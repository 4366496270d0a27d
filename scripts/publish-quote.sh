#!/usr/bin/env bash
# Publishes one quote on the quotes topic at QoS 1, as the feed does:
#
#   scripts/publish-quote.sh SID PRICE [--mqtt URL]
#   scripts/publish-quote.sh GOOG 345.1
#
# The bridge forwards it to the algo; a price the algo refuses (0, negative) comes back on
# quotes/rejected with the reason.
set -euo pipefail
# shellcheck source=lib/mqtt-url.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/mqtt-url.sh"

usage() {
  cat <<USAGE
Usage: ${0##*/} SID PRICE [--mqtt URL]
Publishes {"sid":"SID","quote":PRICE} on the topic quotes at QoS 1 with mosquitto_pub.
  SID          symbol: letters, digits and . _ - ^ (such as GOOG or BRK.B)
  PRICE        a number, such as 345.1
  --mqtt URL   broker, mqtt://host[:port] (default mqtt://localhost:1883)
USAGE
}

fail() {
  echo "${0##*/}: $1" >&2
  usage >&2
  exit 2
}

mqtt=mqtt://localhost:1883
positional=()
while (($#)); do
  case $1 in
    -h | --help) usage; exit 0 ;;
    --mqtt) (($# >= 2)) || fail "--mqtt needs a URL"; mqtt=$2; shift 2 ;;
    --mqtt=*) mqtt=${1#--mqtt=}; shift ;;
    -?*) [[ $1 =~ ^-[0-9.] ]] && { positional+=("$1"); shift; continue; }
      fail "unknown option: $1" ;;
    *) positional+=("$1"); shift ;;
  esac
done
((${#positional[@]} == 2)) || fail "expected SID and PRICE, but got ${#positional[@]} argument(s)"
sid=${positional[0]}
price=${positional[1]}
[[ $sid =~ ^[A-Za-z0-9][A-Za-z0-9._^-]*$ ]] || fail "SID must be letters, digits and . _ - ^, but was '$sid'"
[[ $price =~ ^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$ ]] || fail "PRICE must be a number, but was '$price'"
parse_mqtt_url "$mqtt" || { usage >&2; exit 2; }

command -v mosquitto_pub >/dev/null 2>&1 ||
  { echo "${0##*/}: mosquitto_pub is missing: apt-get install mosquitto-clients" >&2; exit 1; }
exec mosquitto_pub -h "$mqtt_host" -p "$mqtt_port" -t quotes -q 1 -m "{\"sid\":\"$sid\",\"quote\":$price}"
