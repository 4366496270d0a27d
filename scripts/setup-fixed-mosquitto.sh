#!/usr/bin/env bash
# Prints the path of a Mosquitto broker of version 2.0.13 or newer, for the integration tests that
# need one without 2.0.11's inflight-quota bug (fixed in 2.0.13), next to the system broker:
#
#   fixed=$(scripts/setup-fixed-mosquitto.sh) && export INTUITION_MOSQUITTO_FIXED="$fixed"
#
# Idempotent. Takes the first of: $INTUITION_MOSQUITTO_FIXED, the system mosquitto, a copy in
# ${XDG_CACHE_HOME:-~/.cache}/intuition/mosquitto-<version>/usr/sbin/mosquitto; else (as root,
# with apt) downloads the mosquitto package from <codename>-backports, on the mirrors the
# machine's own apt sources name, and extracts it into that folder. The system package stays as
# it is; only the libraries the copy lacks (such as libwebsockets17) are installed, from the
# machine's own sources. Progress goes to stderr; when no fixed Mosquitto can be had, the reason
# goes to stderr and the exit code is 3.
set -euo pipefail

readonly FIXED_VERSION=2.0.13
readonly UNAVAILABLE=3
cache_dir="${XDG_CACHE_HOME:-$HOME/.cache}/intuition"

say() { echo "setup-fixed-mosquitto: $*" >&2; }

unavailable() {
  echo "fixed Mosquitto not available: $1; the tests that need it are skipped" >&2
  exit "$UNAVAILABLE"
}

# version_of BINARY: the version the first line of "BINARY -h" names; fails if it does not run.
version_of() {
  local out
  out=$("$1" -h 2>&1) || true # -h exits with 3
  [[ ${out%%$'\n'*} =~ ^mosquitto\ version\ ([0-9][0-9A-Za-z.+~-]*) ]] || return 1
  echo "${BASH_REMATCH[1]}"
}

is_fixed() {
  [ "$(printf '%s\n' "$FIXED_VERSION" "$1" | sort -V | head -1)" = "$FIXED_VERSION" ]
}

# accept BINARY: prints BINARY and exits 0 when it runs and is a fixed version.
accept() {
  local version
  if ! [ -x "$1" ] || ! version=$(version_of "$1") || ! is_fixed "$version"; then
    return 1
  fi
  say "mosquitto $version at $1"
  echo "$1"
  exit 0
}

# package_of SONAME: Debian's package name for a library: libwebsockets.so.17 -> libwebsockets17.
package_of() {
  local name=${1%%.so.*} soversion=${1##*.so.}
  [[ $name =~ [0-9]$ ]] && name+=-
  name=${name,,}
  echo "${name//_/-}$soversion"
}

apt_install() {
  local install=(apt-get install -y -q -o Dpkg::Use-Pty=0 --no-install-recommends "$@")
  DEBIAN_FRONTEND=noninteractive "${install[@]}" >&2 ||
    { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive "${install[@]}" >&2; }
}

# install_libraries BINARY: installs the shared libraries BINARY needs and the system lacks.
install_libraries() {
  local lib libs=() packages=()
  mapfile -t libs < <(ldd "$1" 2>/dev/null | awk '/=> not found/ { print $1 }')
  [ ${#libs[@]} -gt 0 ] || return 0
  for lib in "${libs[@]}"; do packages+=("$(package_of "$lib")"); done
  local needs="$1 needs ${libs[*]} (apt-get install ${packages[*]})"
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    unavailable "$needs, which needs root and apt"
  fi
  say "installing ${packages[*]} for $1"
  apt_install "${packages[@]}" || unavailable "$needs, which failed"
}

# deb822_backports CODENAME FILE...: the stanzas of FILEs for suite CODENAME, for CODENAME-backports.
deb822_backports() {
  local codename=$1
  shift
  awk -v codename="$codename" '
    function flush() {
      if ((" " types " ") ~ / deb / && (" " suites " ") ~ (" " codename " ") && uris != "" &&
          tolower(enabled) != "no") {
        printf "Types: deb\nURIs: %s\nSuites: %s-backports\nComponents: %s\n%s\n",
          uris, codename, components, kept
      }
      types = suites = uris = components = enabled = kept = field = ""
    }
    FNR == 1 { flush() }
    /^[ \t]*#/ { next }
    /^[ \t]*$/ { flush(); next }
    /^[ \t]/ { if (field ~ /^(signed-by|architectures|trusted)$/) kept = kept $0 "\n"; next }
    {
      colon = index($0, ":")
      field = tolower(substr($0, 1, colon - 1))
      value = substr($0, colon + 1)
      gsub(/^[ \t]+|[ \t]+$/, "", value)
      gsub(/[ \t]+/, " ", value)
      if (field == "types") types = value
      else if (field == "uris") uris = value
      else if (field == "suites") suites = value
      else if (field == "components") components = value
      else if (field == "enabled") enabled = value
      else if (field ~ /^(signed-by|architectures|trusted)$/) kept = kept $0 "\n"
    }
    END { flush() }' "$@"
}

# one_line_backports CODENAME FILE...: the "deb [options] URI CODENAME components" lines of FILEs,
# for CODENAME-backports.
one_line_backports() {
  local codename=$1
  shift
  awk -v codename="$codename" '
    { sub(/#.*/, "") }
    $1 != "deb" { next }
    {
      options = ""
      i = 2
      if ($i ~ /^\[/) {
        while (i < NF && $i !~ /\]$/) options = options " " $(i++)
        options = options " " $(i++)
      }
      if ($(i + 1) != codename) next
      line = "deb" options " " $i " " codename "-backports"
      for (j = i + 2; j <= NF; j++) line = line " " $j
      print line
    }' "$@"
}

# write_backports_sources CODENAME DIR: the backports entries for the machine's sources, into DIR.
write_backports_sources() {
  local codename=$1 dir=$2 deb822=() one_line=()
  shopt -s nullglob
  deb822=(/etc/apt/sources.list.d/*.sources)
  one_line=(/etc/apt/sources.list.d/*.list)
  shopt -u nullglob
  [ -f /etc/apt/sources.list ] && one_line+=(/etc/apt/sources.list)
  [ ${#deb822[@]} -eq 0 ] || deb822_backports "$codename" "${deb822[@]}" >"$dir/backports.sources"
  [ ${#one_line[@]} -eq 0 ] || one_line_backports "$codename" "${one_line[@]}" >"$dir/backports.list"
  [ -s "$dir/backports.sources" ] || [ -s "$dir/backports.list" ]
}

# fetch: downloads mosquitto from backports into the cache and accepts it.
fetch() {
  [ "$(id -u)" -eq 0 ] ||
    unavailable "$system_found, and fetching $FIXED_VERSION+ from backports needs root (run ${0##*/} as root once)"
  if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-deb >/dev/null 2>&1; then
    unavailable "fetching it from backports needs apt-get and dpkg-deb"
  fi
  local codename
  # shellcheck source=/dev/null
  codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
  [ -n "$codename" ] || unavailable "/etc/os-release names no VERSION_CODENAME to find backports for"

  work=$(mktemp -d) || unavailable "cannot create a temporary folder"
  trap 'rm -rf "$work" "${staging:-}"' EXIT
  chmod 755 "$work" # apt downloads as user _apt
  mkdir -p "$work/sources.list.d" "$work/lists/partial" "$work/debs"
  : >"$work/sources.list"
  ! id _apt >/dev/null 2>&1 || chown _apt "$work/debs"
  write_backports_sources "$codename" "$work/sources.list.d" ||
    unavailable "no apt source for $codename to derive $codename-backports from"
  # the system's own sources, lists and caches stay untouched
  local apt=(-o "Dir::Etc::sourcelist=$work/sources.list" -o "Dir::Etc::sourceparts=$work/sources.list.d"
    -o "Dir::State::Lists=$work/lists" -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache=)

  say "reading $codename-backports from the mirrors in the machine's apt sources"
  apt-get "${apt[@]}" update -q >&2 || unavailable "apt-get update of $codename-backports failed"
  local candidate upstream
  candidate=$(apt-cache "${apt[@]}" policy mosquitto | awk '$1 == "Candidate:" { print $2 }')
  upstream=${candidate#*:}
  upstream=${upstream%-*}
  if [ -z "$candidate" ] || [ "$candidate" = "(none)" ] || ! is_fixed "$upstream"; then
    unavailable "$codename-backports offers mosquitto ${candidate:-(none)}, not $FIXED_VERSION or newer"
  fi
  say "downloading mosquitto $candidate"
  (cd "$work/debs" && apt-get "${apt[@]}" download "mosquitto=$candidate" >&2) ||
    unavailable "apt-get download mosquitto=$candidate failed"

  local target="$cache_dir/mosquitto-$upstream"
  mkdir -p "$cache_dir" && staging=$(mktemp -d "$cache_dir/.mosquitto-$upstream-XXXXXX") ||
    unavailable "cannot create a folder in $cache_dir"
  chmod 755 "$staging"
  dpkg-deb -x "$work"/debs/mosquitto_*.deb "$staging" ||
    unavailable "cannot extract $(echo "$work"/debs/mosquitto_*.deb) into $staging"
  rm -rf "$target"
  mv -T "$staging" "$target" 2>/dev/null || rm -rf "$staging" # lost a race: use the winner's
  say "extracted into $target"
  install_libraries "$target/usr/sbin/mosquitto"
  accept "$target/usr/sbin/mosquitto" ||
    unavailable "$target/usr/sbin/mosquitto does not run: $("$target/usr/sbin/mosquitto" -h 2>&1 | head -1)"
}

if [ -n "${INTUITION_MOSQUITTO_FIXED:-}" ]; then
  accept "$INTUITION_MOSQUITTO_FIXED" ||
    say "ignoring INTUITION_MOSQUITTO_FIXED=$INTUITION_MOSQUITTO_FIXED: not a runnable mosquitto $FIXED_VERSION or newer"
fi

system_found="no system mosquitto"
for system in "$(command -v mosquitto || true)" /usr/sbin/mosquitto /usr/local/sbin/mosquitto; do
  if [ -n "$system" ] && [ -x "$system" ]; then
    accept "$system" || system_found="the system's $system is $(version_of "$system" || echo "of no known version")"
    say "$system_found"
    break
  fi
done

shopt -s nullglob
cached=("$cache_dir"/mosquitto-*/usr/sbin/mosquitto)
shopt -u nullglob
if [ ${#cached[@]} -gt 0 ]; then
  mapfile -t cached < <(printf '%s\n' "${cached[@]}" | sort -rV)
  for binary in "${cached[@]}"; do accept "$binary" || true; done
  install_libraries "${cached[0]}"
  accept "${cached[0]}" || say "${cached[0]} does not run; fetching it again"
fi

fetch
