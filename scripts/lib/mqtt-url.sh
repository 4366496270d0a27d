# shellcheck shell=bash
# Sourced by the scripts that talk to a broker; defines parse_mqtt_url.

# parse_mqtt_url URL: sets mqtt_host and mqtt_port from mqtt://host[:port] or tcp://host[:port]
# (port 1883 when absent); returns 1, with a message on stderr, for anything else.
parse_mqtt_url() {
  local url=$1
  if [[ ! $url =~ ^(mqtt|tcp)://([A-Za-z0-9._-]+)(:([0-9]{1,5}))?/?$ ]]; then
    echo "${0##*/}: --mqtt must be mqtt://host[:port] or tcp://host[:port], but was '$url'" >&2
    return 1
  fi
  # shellcheck disable=SC2034 # read by the sourcing script
  mqtt_host=${BASH_REMATCH[2]}
  mqtt_port=${BASH_REMATCH[4]:-1883}
  if ((10#$mqtt_port < 1 || 10#$mqtt_port > 65535)); then
    echo "${0##*/}: the port in --mqtt must be between 1 and 65535, but was $mqtt_port" >&2
    return 1
  fi
  mqtt_port=$((10#$mqtt_port))
}
