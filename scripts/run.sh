#!/usr/bin/env bash
# Runs the whole suite on this machine and shows the orders as they arrive:
#
#   scripts/run.sh [--mqtt URL] [--duration SECONDS] [--rate N] [--run-dir DIR]
#
# Builds the jars when they are missing or older than a source file, uses the broker listening at
# --mqtt or starts one (Mosquitto if installed, else the embedded broker), then starts
# algo-service, bridge-service and feed-service, and shows the orders beside a line of the book
# every few seconds. Ctrl-C, SIGTERM or the end of --duration stops everything it started; the
# logs stay in the run folder.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/mqtt-url.sh
source "$root/scripts/lib/mqtt-url.sh"
# shellcheck source=lib/jars.sh
source "$root/scripts/lib/jars.sh"

readonly MODULES=(algo-service bridge-service feed-service broker)
readonly SYMBOLS=GOOG,AAPL,MSFT
# the strategies it can show, each with its sizer and the params the bridge sends it: sma-cross
# trades both ways on short windows, so that a few seconds of quotes make buys and sells
readonly SMA_CROSS=(--algo sma-cross --sizer fixed-fraction)
readonly SMA_CROSS_PARAMS=(--param short=3 --param long=8 --param fraction=0.2)
readonly RANDOM_ALGO=(--algo random --sizer random-fraction)
readonly RANDOM_PARAMS=(--param threshold=0.5)
readonly BOOK_EVERY_S=5
readonly START_TIMEOUT_S=60
readonly STOP_TIMEOUT_S=5
# the services' JVM flags, as the bench's (INTUITION_JAVA_OPTS overrides them)
readonly JAVA_OPTS=${INTUITION_JAVA_OPTS:-"-XX:+UseSerialGC -Xms32m -Xmx64m -Xss512k -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=32m -XX:+ExitOnOutOfMemoryError"}
# what the no-mosquitto_sub fallback shows: the algo's DEBUG line for each order it places
# ("{quote} -> [{order}]") and the bridge's order lines and counters
readonly ORDER_LINES='-> \[\{|order'

usage() {
  cat <<USAGE
Usage: scripts/run.sh [--mqtt URL] [--algo NAME] [--duration SECONDS] [--rate N] [--run-dir DIR]
Runs a broker, algo-service, bridge-service and feed-service, and shows the orders and the book.
  --mqtt URL          broker, mqtt://host[:port] (default mqtt://localhost:1883); one is started
                      there when nothing listens and the host is this machine: mosquitto when
                      installed (INTUITION_NO_MOSQUITTO=1: never), else broker/target/broker.jar
  --algo NAME         sma-cross (default: moving-average crossings, buys and sells, 20% of the
                      cash or the position each) or random (the original: buys at random)
  --duration SECONDS  stop after this long (default: run until Ctrl-C)
  --rate N            quotes per second from the feed (default 10)
  --run-dir DIR       logs, pids and the broker's data (default runs/<timestamp>)
Environment: INTUITION_JAVA_OPTS replaces the services' JVM flags (default: $JAVA_OPTS)
  -h, --help          this help
USAGE
}

say() { echo "run.sh: $*"; }

fail() {
  echo "run.sh: $*" >&2
  exit 1
}

usage_error() {
  echo "run.sh: $*" >&2
  usage >&2
  exit 2
}

mqtt=mqtt://localhost:1883
client_id=
subscriber=
duration=
rate=10
run_dir=
algo=sma-cross

parse_args() {
  while (($#)); do
    case $1 in
      -h | --help) usage; exit 0 ;;
      --mqtt | --algo | --duration | --rate | --run-dir)
        (($# >= 2)) || usage_error "$1 needs a value"
        set_option "$1" "$2"
        shift 2 ;;
      --mqtt=* | --algo=* | --duration=* | --rate=* | --run-dir=*) set_option "${1%%=*}" "${1#*=}"; shift ;;
      *) usage_error "unknown argument: $1" ;;
    esac
  done
  [[ $algo == sma-cross || $algo == random ]] ||
    usage_error "--algo must be sma-cross or random, but was '$algo'"
  [[ -z $duration || $duration =~ ^[1-9][0-9]*$ ]] ||
    usage_error "--duration must be a whole number of seconds above 0, but was '$duration'"
  [[ $rate =~ ^[0-9]*\.?[0-9]+$ && ! $rate =~ ^[0.]+$ ]] ||
    usage_error "--rate must be a number above 0, but was '$rate'"
  parse_mqtt_url "$mqtt" || { usage >&2; exit 2; }
}

set_option() {
  case $1 in
    --mqtt) mqtt=$2 ;;
    --algo) algo=$2 ;;
    --duration) duration=$2 ;;
    --rate) rate=$2 ;;
    --run-dir) run_dir=$2 ;;
  esac
}

# --- processes ------------------------------------------------------------------------------

started=() # "name pid", in start order

# start NAME LOG COMMAND...: runs COMMAND in the background, output to LOG, and records its pid.
start() {
  local name=$1 log=$2
  shift 2
  "$@" >"$log" 2>&1 </dev/null &
  record "$name" $!
}

record() {
  started+=("$1 $2")
  echo "$2 $1" >>"$run_dir/pids"
}

pid_of() {
  local entry
  for entry in "${started[@]}"; do
    [[ ${entry% *} == "$1" ]] && { echo "${entry#* }"; return 0; }
  done
  return 1
}

# stop NAME...: SIGTERM to each, up to STOP_TIMEOUT_S for all to exit, then SIGKILL.
stop() {
  local name pid pids=() waited=0
  for name in "$@"; do
    pid=$(pid_of "$name") || continue
    kill -TERM "$pid" 2>/dev/null && pids+=("$pid")
  done
  while alive "${pids[@]}" && ((waited < STOP_TIMEOUT_S * 10)); do
    sleep 0.1
    waited=$((waited + 1))
  done
  for pid in "${pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      echo "run.sh: pid $pid did not stop within ${STOP_TIMEOUT_S} s: killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  done
}

alive() {
  local pid
  for pid in "$@"; do
    kill -0 "$pid" 2>/dev/null && return 0
  done
  return 1
}

stopping=
on_exit() {
  local status=$?
  [[ -n $stopping ]] && return
  stopping=1
  trap '' INT TERM
  set +e
  if ((${#started[@]})); then
    say "stopping ..."
    # intake first, then what it feeds, so that the last orders still reach the log
    stop feed-service bridge-service
    forget_session
    stop book algo-service
    stop subscriber log-filter log-follower display
    stop broker
  fi
  if [[ -n $run_dir ]]; then
    rm -f "$run_dir/log-stream"
    say "logs are in $run_dir"
  fi
  exit "$status"
}

# The bridge's session is persistent and its client id unique to this run: on a broker that
# outlives the run, it would collect every quote from now on. A clean-session connection with the
# same id discards it.
forget_session() {
  if [[ -z $client_id ]] || pid_of broker >/dev/null || ! pid_of bridge-service >/dev/null; then
    return 0
  fi
  if [[ -z $subscriber ]]; then
    say "the broker keeps the session of $client_id: mosquitto_sub is missing to discard it"
    return 0
  fi
  timeout 5 "$subscriber" -h "$mqtt_host" -p "$mqtt_port" -i "$client_id" -t "$client_id/forget" -E \
    >/dev/null 2>&1 || say "could not discard the session of $client_id on the broker"
}

# await WHAT NAME CONDITION...: waits until CONDITION succeeds, failing if NAME exits first.
await() {
  local what=$1 name=$2 pid deadline=$((SECONDS + START_TIMEOUT_S))
  shift 2
  pid=$(pid_of "$name")
  until "$@"; do
    kill -0 "$pid" 2>/dev/null || fail "$name exited before $what; its log: $(log_of "$name")"
    ((SECONDS < deadline)) || fail "$name did not get $what within ${START_TIMEOUT_S} s; its log: $(log_of "$name")"
    sleep 0.2
  done
}

log_of() { echo "$run_dir/$1.log"; }

# listening HOST PORT: whether something accepts TCP connections there (bash's /dev/tcp).
listening() {
  # shellcheck disable=SC2016 # $0 and $1 are the inner shell's
  timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null
}

# --- build ----------------------------------------------------------------------------------

build() {
  local stale log=$run_dir/build.log
  stale=$(stale_jars "$root" "${MODULES[@]}")
  [[ -z $stale ]] && return
  command -v mvn >/dev/null 2>&1 || fail "mvn is missing, and the jars need building: install Apache Maven 3.8+"
  say "building the jars (mvn package, log in $log) ..."
  maven package || fail "the build failed: see $log"
}

maven() {
  (cd "$root" && mvn -q -B -DskipTests -DskipITs -Dspotless.check.skip=true "$@") >>"$run_dir/build.log" 2>&1
}

# --- broker ---------------------------------------------------------------------------------

find_mosquitto() {
  [[ ${INTUITION_NO_MOSQUITTO:-} == 1 ]] && return 1
  local dir
  command -v mosquitto 2>/dev/null && return 0
  for dir in /usr/sbin /usr/local/sbin /sbin; do
    [[ -x $dir/mosquitto ]] && { echo "$dir/mosquitto"; return 0; }
  done
  return 1
}

broker() {
  if listening "$mqtt_host" "$mqtt_port"; then
    say "broker: using the one already listening at $mqtt_host:$mqtt_port"
    return
  fi
  [[ $mqtt_host =~ ^(localhost|127\.[0-9.]+)$ ]] ||
    fail "nothing listens at $mqtt_host:$mqtt_port, and run.sh starts brokers only on this machine (localhost, 127.x.x.x)"
  local listen=$mqtt_host mosquitto
  [[ $listen == localhost ]] && listen=127.0.0.1
  if mosquitto=$(find_mosquitto); then
    write_mosquitto_conf "$listen"
    start broker "$(log_of broker)" "$mosquitto" -c "$run_dir/mosquitto.conf"
    say "broker: started mosquitto ($mosquitto) on $listen:$mqtt_port, pid $(pid_of broker)"
  else
    start broker "$(log_of broker)" java -jar "$root/broker/target/broker.jar" --host "$listen" --port "$mqtt_port"
    say "broker: mosquitto is not installed: started the embedded broker (Moquette) on $listen:$mqtt_port, pid $(pid_of broker)"
  fi
  await "listening on port $mqtt_port" broker listening "$listen" "$mqtt_port"
}

# The repository's mosquitto/mosquitto.conf is the container's (all interfaces, /mosquitto/data):
# this one keeps the same delivery settings, for this machine only and this run's folder.
write_mosquitto_conf() {
  {
    echo "listener $mqtt_port $1"
    echo "allow_anonymous true"
    echo "persistence true"
    echo "persistence_location $run_dir/"
    echo "# the default, 1000, drops quotes queued for a bridge that falls behind"
    echo "max_queued_messages 0"
    echo "# the bridge's receive window (default 20); see mosquitto/mosquitto.conf"
    echo "max_inflight_messages 1000"
    echo "set_tcp_nodelay true"
    if [[ $(id -u) == 0 ]]; then
      # as root, mosquitto switches to the user mosquitto, who cannot write to the run folder
      echo "user $(id -un)"
    fi
  } >"$run_dir/mosquitto.conf"
}

# --- services -------------------------------------------------------------------------------

services() {
  local level=INFO algo_address bridge_log java_opts choice params
  # a small heap and few malloc arenas: each service stays near 100-150 MB resident
  read -r -a java_opts <<<"$JAVA_OPTS"
  export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
  if [[ -z $subscriber ]]; then
    level=DEBUG # the fallback shows orders from the logs
  fi
  if [[ $algo == random ]]; then
    choice=("${RANDOM_ALGO[@]}") params=("${RANDOM_PARAMS[@]}")
  else
    choice=("${SMA_CROSS[@]}") params=("${SMA_CROSS_PARAMS[@]}")
  fi
  # the algo binds a free port itself (tcp://127.0.0.1:*) and prints it: no race for a port
  start algo-service "$(log_of algo-service)" env LOG_LEVEL="$level" \
    java "${java_opts[@]}" -jar "$root/algo-service/target/algo-service.jar" --addr 'tcp://127.0.0.1:*' "${choice[@]}"
  await "serving" algo-service grep -q "^serving on tcp://" "$(log_of algo-service)"
  algo_address=$(sed -n 's/^serving on \(tcp:[^ ]*\) .*/\1/p' "$(log_of algo-service)" | head -1)
  say "algo-service on $algo_address: ${choice[*]}, pid $(pid_of algo-service)"

  bridge_log=$(log_of bridge-service)
  start bridge-service "$bridge_log" env LOG_LEVEL="$level" \
    java "${java_opts[@]}" -jar "$root/bridge-service/target/bridge-service.jar" --mqtt "$mqtt" --rpc "$algo_address" \
    "${params[@]}" --client-id "$client_id"
  await "subscribed" bridge-service grep -q "subscribed to \[" "$bridge_log"
  say "bridge-service as $client_id, ${params[*]}, pid $(pid_of bridge-service)"

  start feed-service "$(log_of feed-service)" \
    java "${java_opts[@]}" -jar "$root/feed-service/target/feed-service.jar" --mqtt "$mqtt" --symbols "$SYMBOLS" --rate "$rate"
  say "feed-service: $SYMBOLS at $rate quotes/s, pid $(pid_of feed-service)"

  # the book, as 'algo-service portfolio' prints it, every few seconds beside the orders
  start book "$run_dir/book.log" \
    java "${java_opts[@]}" -jar "$root/algo-service/target/algo-service.jar" portfolio "$algo_address" --every "$BOOK_EVERY_S"
  say "book: a line every $BOOK_EVERY_S s (algo-service portfolio $algo_address), pid $(pid_of book)"
}

# Orders go to orders.log: from mosquitto_sub when installed, else filtered from the logs.
watch_orders() {
  local orders=$run_dir/orders.log
  : >"$orders"
  if [[ -n $subscriber ]]; then
    # it flushes each message on stdout; errors go to stderr
    "$subscriber" -h "$mqtt_host" -p "$mqtt_port" -t orders -v \
      >"$orders" 2>"$(log_of subscriber)" </dev/null &
    record subscriber $!
    say "orders: mosquitto_sub -t orders -v, pid $(pid_of subscriber)"
    return
  fi
  mkfifo "$run_dir/log-stream"
  grep --line-buffered -E -i -- "$ORDER_LINES" <"$run_dir/log-stream" >"$orders" &
  record log-filter $!
  tail -q -n +1 -F "$(log_of algo-service)" "$(log_of bridge-service)" >"$run_dir/log-stream" 2>/dev/null &
  record log-follower $!
  say "orders: mosquitto_sub is not installed: showing the order lines of the algo and bridge logs (LOG_LEVEL=DEBUG)"
}

# --- main -----------------------------------------------------------------------------------

main() {
  parse_args "$@"
  command -v java >/dev/null 2>&1 || fail "java is missing: install a JDK 17 or newer"

  if [[ -z $run_dir ]]; then
    run_dir=$root/runs/$(date +%Y%m%d-%H%M%S)
    [[ -e $run_dir ]] && run_dir=$run_dir-$$
  fi
  mkdir -p "$run_dir"
  run_dir=$(cd "$run_dir" && pwd)
  : >"$run_dir/pids"
  client_id=bridge-run-$(date +%s)-$$
  subscriber=$(command -v mosquitto_sub 2>/dev/null || true)

  trap on_exit EXIT
  trap 'exit 0' INT TERM

  say "run folder $run_dir"
  build
  broker
  # mosquitto_sub subscribes before the first order; the fallback follows the services' logs
  if [[ -n $subscriber ]]; then
    watch_orders
    services
  else
    services
    watch_orders
  fi
  tail -q -n +1 -f "$run_dir/orders.log" "$run_dir/book.log" &
  record display $!
  say "${duration:+running for $duration s; }Ctrl-C stops everything. Orders and the book:"
  supervise
}

# Stops at the end of --duration, or with an error when a service exits by itself.
supervise() {
  local deadline=$((SECONDS + ${duration:-0})) entry name pid status
  while [[ -z $duration ]] || ((SECONDS < deadline)); do
    for entry in "${started[@]}"; do
      name=${entry% *}
      pid=${entry#* }
      kill -0 "$pid" 2>/dev/null && continue
      status=0
      wait "$pid" || status=$?
      fail "$name exited by itself (status $status); its log: $(log_of "$name")"
    done
    sleep 0.5
  done
}

main "$@"
