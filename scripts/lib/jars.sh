# shellcheck shell=bash
# Sourced by the scripts that run the built jars.

# stale_jars ROOT MODULE...: the modules whose jar is missing or older than a main source file or
# pom (their own or common's).
stale_jars() {
  local root=$1 module jar
  shift
  for module in "$@"; do
    jar="$root/$module/target/$module.jar"
    if [[ ! -f $jar ]] || [[ -n $(find "$root/pom.xml" "$root/common/pom.xml" "$root/common/src/main" \
      "$root/$module/pom.xml" "$root/$module/src/main" -newer "$jar" -type f -print -quit 2>/dev/null) ]]; then
      echo "$module"
    fi
  done
}
