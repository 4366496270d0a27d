#!/usr/bin/env bash
# Makes the secrets docker-compose.secure.yml mounts, in secrets/ (git- and docker-ignored):
#
#   scripts/make-secrets.sh [--dir DIR] [--force] [--host NAME]... [--owners]
#
#   tls/ca.crt, ca.key          a throwaway certificate authority, valid 825 days
#   tls/broker.crt, broker.key  the broker's certificate for mosquitto, localhost, 127.0.0.1 and
#                               each --host, signed by that CA
#   mqtt/passwords              the broker's password file (mosquitto_passwd) for users bridge, feed,
#                               indicators, algo, console
#   mqtt/bridge.password, mqtt/feed.password, mqtt/indicators.password, mqtt/algo.password,
#   mqtt/console.password       their passwords, random
#   curve/algo.key, algo.key_secret       the algo-service's CURVE key pair
#   curve/bridge.key, bridge.key_secret   the bridge's CURVE key pair
#   curve/console.key, console.key_secret the console's CURVE key pair (it calls portfolio())
#   curve/clients/bridge.key, console.key the public keys the algo lets in: the bridge's and the
#                                         console's
#
# Secret files are mode 0600, so only their owner reads them. The containers read them as their
# own users: --owners (as root) gives the broker's files to uid 1883, Mosquitto's in its image,
# and the services' to uid 10001, the suite's images' user; without it the script prints the
# chown commands to run. Refuses to replace existing files unless --force. Needs openssl,
# mosquitto_passwd and Java (it builds the algo-service jar for its keygen when missing).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/jars.sh
source "$root/scripts/lib/jars.sh"

dir="$root/secrets"
force=false
owners=false
hosts=(mosquitto localhost)

fail() {
  echo "make-secrets.sh: $*" >&2
  exit 1
}

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'
}

while [[ $# -gt 0 ]]; do
  case $1 in
    --dir) dir=${2:?--dir needs a folder}; shift 2 ;;
    --force) force=true; shift ;;
    --owners) owners=true; shift ;;
    --host) hosts+=("${2:?--host needs a name}"); shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "make-secrets.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done

command -v openssl >/dev/null 2>&1 || fail "openssl is missing: apt-get install openssl"
passwd_bin=$(command -v mosquitto_passwd || ls /usr/bin/mosquitto_passwd 2>/dev/null || true)
[[ -n $passwd_bin ]] || fail "mosquitto_passwd is missing: apt-get install mosquitto"
command -v java >/dev/null 2>&1 || fail "java is missing: install a JDK 17 or newer"

if [[ -e $dir/tls/ca.crt || -e $dir/curve/algo.key || -e $dir/mqtt/passwords ]] && ! $force; then
  fail "$dir already holds secrets: --force replaces them (and every client must get the new ones)"
fi
if [[ -n $(stale_jars "$root" algo-service) ]]; then
  echo "make-secrets.sh: building the algo-service jar for its keygen ..." >&2
  (cd "$root" && mvn -q -B -pl algo-service -am package -DskipTests -DskipITs -Dspotless.check.skip=true) >&2 ||
    fail "the build failed"
fi

umask 077
mkdir -p "$dir/tls" "$dir/mqtt" "$dir/curve/clients"

# TLS: a CA, and the broker's certificate signed by it
san=""
for host in "${hosts[@]}" 127.0.0.1; do
  if [[ $host =~ ^[0-9.]+$ ]]; then san+="IP:$host,"; else san+="DNS:$host,"; fi
done
openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj "/CN=intuition test CA" \
  -keyout "$dir/tls/ca.key" -out "$dir/tls/ca.crt" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=${hosts[0]}" \
  -keyout "$dir/tls/broker.key" -out "$dir/tls/broker.csr" 2>/dev/null
openssl x509 -req -in "$dir/tls/broker.csr" -CA "$dir/tls/ca.crt" -CAkey "$dir/tls/ca.key" \
  -CAcreateserial -days 825 -extfile <(printf 'subjectAltName=%s\n' "${san%,}") \
  -out "$dir/tls/broker.crt" 2>/dev/null
rm -f "$dir/tls/broker.csr" "$dir/tls/ca.srl"
chmod 0644 "$dir/tls/ca.crt" "$dir/tls/broker.crt"

# MQTT logins: random passwords, and the broker's file of their hashes
rm -f "$dir/mqtt/passwords"
touch "$dir/mqtt/passwords"
for user in bridge feed indicators algo console; do
  openssl rand -hex 24 >"$dir/mqtt/$user.password"
  "$passwd_bin" -b "$dir/mqtt/passwords" "$user" "$(cat "$dir/mqtt/$user.password")"
done

# CURVE: the algo's, the bridge's and the console's key pairs; the algo lets the bridge's and the
# console's public keys in
keygen() {
  java -jar "$root/algo-service/target/algo-service.jar" keygen --out "$dir/curve" --force "$1" >/dev/null
}
keygen algo
keygen bridge
keygen console
cp "$dir/curve/bridge.key" "$dir/curve/clients/bridge.key"
cp "$dir/curve/console.key" "$dir/curve/clients/console.key"
chmod 0644 "$dir/curve/"*.key "$dir/curve/clients/"*.key

echo "make-secrets.sh: wrote $dir (tls/, mqtt/, curve/)"
broker_files=("$dir/tls/broker.key" "$dir/mqtt/passwords")
service_files=("$dir/mqtt/bridge.password" "$dir/mqtt/feed.password" "$dir/mqtt/indicators.password"
  "$dir/mqtt/algo.password" "$dir/mqtt/console.password" "$dir/curve/"*.key_secret)
if $owners; then
  chmod 0755 "$dir" "$dir/tls" "$dir/mqtt" "$dir/curve" "$dir/curve/clients"
  chown 1883:1883 "${broker_files[@]}"
  chown 10001:10001 "${service_files[@]}"
else
  echo "make-secrets.sh: for docker compose, give the containers' users their files (as root):"
  echo "  chmod 0755 $dir $dir/tls $dir/mqtt $dir/curve $dir/curve/clients"
  echo "  chown 1883:1883 ${broker_files[*]}"
  echo "  chown 10001:10001 ${service_files[*]}"
  echo "  (or run scripts/make-secrets.sh --force --owners as root)"
fi
