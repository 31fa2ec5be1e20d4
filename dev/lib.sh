# Shared shell functions of the dev/ scripts. Sourced, not run.

REWIND_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Throwaway state (broker logs, database cluster, pids) lives outside the checkout: PostgreSQL runs as the
# postgres user, which must be able to reach its data directory.
REWIND_STATE_DIR=${REWIND_STATE_DIR:-/tmp/rewind}
# The options in java argument file $1, as words: a comment starts with # at the start of a word, as for java.
# Values with spaces in them are not supported.
argfile_words() {
  sed -E -e 's/(^|[[:space:]])#.*//' "$1" | xargs
}
# The JVM options every service runs with (dev/service-jvm.options, which the system tests and the container image
# read too; bench/footprint.sh measures them), as words; REWIND_JAVA_OPTS replaces them to compare others (a
# service's own jvm.options still follow them). MALLOC_ARENA_MAX keeps glibc from reserving an arena per thread (the
# image sets it too).
REWIND_JAVA_OPTS=${REWIND_JAVA_OPTS:-$(argfile_words "$REWIND_ROOT/dev/service-jvm.options")}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

# The JVM options of service $1: REWIND_JAVA_OPTS, the service's own ($1/jvm.options), and its class-data sharing
# archive when the build made one (quarkus.package.jar.appcds.enabled): the classes it loads at start, read from a
# memory-mapped file. The archive names the jar by its relative path: run `java ... -jar quarkus-run.jar` from
# target/quarkus-app.
service_java_opts() {
  local archive=$REWIND_ROOT/$1/target/quarkus-app/app-cds.jsa own=$REWIND_ROOT/$1/jvm.options words=
  printf '%s' "$REWIND_JAVA_OPTS"
  [[ -f $own ]] && words=$(argfile_words "$own")
  if [[ -n $words ]]; then
    printf ' %s' "$words"
  fi
  if [[ -f $archive ]]; then
    printf ' %s' '-XX:SharedArchiveFile=app-cds.jsa -Xshare:auto'
  fi
}

# True when something accepts TCP connections on 127.0.0.1:$1.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Waits up to $2 seconds for port $1 to accept connections.
wait_for_port() {
  local port=$1 seconds=$2 i
  for ((i = 0; i < seconds * 10; i++)); do
    port_open "$port" && return 0
    sleep 0.1
  done
  return 1
}

# Milliseconds since the epoch, for start-time reports.
now_ms() {
  date +%s%3N
}

# The namespaces of each environment in Rewind's environments files $1 (comma-separated, as QUARKUS_CONFIG_LOCATIONS;
# properties files: rewind.environments.<env>.namespaces=a,b), as namespace=environment pairs separated by commas: what
# the sandbox's monitor labels its alerts with. Fails, naming the files, when they configure no namespace.
sandbox_environments() {
  local pairs file
  pairs=$(tr ',' '\n' <<< "$1" | while read -r file; do
    if [[ -f $file ]]; then tr -d '\r' < "$file"; fi
  done | sed -n 's/^rewind\.environments\.\([a-z0-9-]*\)\.namespaces *= *\(.*\)$/\1 \2/p' \
    | while read -r env namespaces; do
      tr ',' '\n' <<< "$namespaces" | sed "s/^ *//; s/ *$//; /^$/d; s/$/=$env/"
    done | paste -sd, -)
  if [[ -z $pairs ]]; then
    log "no rewind.environments.<name>.namespaces in $1: the sandbox's monitor would watch nothing"
    return 1
  fi
  printf '%s\n' "$pairs"
}

# Resolves module $1's runtime classpath (building it and the modules it needs) once, and again when its sources
# changed; kept in $REWIND_STATE_DIR/$1-classpath.txt. Prints the module's jar and that classpath.
module_classpath() {
  local module=$1 file=$REWIND_STATE_DIR/$1-classpath.txt jar=$REWIND_ROOT/$1/target/$1-0.1.0-SNAPSHOT.jar
  # Any module's main sources count, not just this one's: it is built with the modules it needs (-am).
  if [[ ! -s $file || ! -f $jar || -n $(find "$REWIND_ROOT"/*/src/main "$REWIND_ROOT"/*/pom.xml -newer "$jar" \
    -print -quit) ]]; then
    log "$module: building it and resolving its classpath (Maven's log in $REWIND_STATE_DIR/$module-build.log)"
    mkdir -p "$REWIND_STATE_DIR"
    if ! mvn -B -ntp -Dstyle.color=never -f "$REWIND_ROOT/pom.xml" package dependency:build-classpath -pl "$module" \
      -am -DskipTests -Dmdep.outputFile="$file" > "$REWIND_STATE_DIR/$module-build.log" 2>&1; then
      log "$module: the build failed; the end of its log:"
      tail -30 "$REWIND_STATE_DIR/$module-build.log" >&2
      return 1
    fi
    # Maven leaves a jar whose contents did not change as it was: mark it checked, or every call would build again.
    touch "$jar"
  fi
  echo "$jar:$(cat "$file")"
}

log() {
  printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2
}

# Prints whether $1 (a name) listens on 127.0.0.1:$2; exit status 3 when it does not.
report_port() {
  if port_open "$2"; then
    echo "$1: listening on 127.0.0.1:$2"
  else
    echo "$1: not running on 127.0.0.1:$2"
    return 3
  fi
}

# The dev identity provider's settings, for dev/stack.sh and the benchmarks, unless real ones are configured: the key
# and issuer approvers' tokens are verified with (MP_JWT_*), and for the incident records' API and console
# (postmortem-service, quarkus-oidc) the same key and the console's development sign-in (a red banner says so on every
# page) unless a provider is configured (REWIND_OIDC_URL).
dev_identity_env() {
  if [[ -z ${MP_JWT_VERIFY_PUBLICKEY_LOCATION:-}${MP_JWT_VERIFY_PUBLICKEY:-} ]]; then
    MP_JWT_VERIFY_PUBLICKEY_LOCATION=$("$REWIND_ROOT/dev/identity.sh" keys)
    export MP_JWT_VERIFY_PUBLICKEY_LOCATION REWIND_JWT_ISSUER=${REWIND_JWT_ISSUER:-$("$REWIND_ROOT/dev/identity.sh" issuer)}
  fi
  if [[ -z ${REWIND_OIDC_URL:-}${REWIND_OIDC_PUBLIC_KEY:-} ]]; then
    REWIND_OIDC_PUBLIC_KEY=$("$REWIND_ROOT/dev/identity.sh" public-key-body)
    REWIND_CONSOLE_DEV_KEY=$("$REWIND_ROOT/dev/identity.sh" private-key)
    export REWIND_OIDC_PUBLIC_KEY REWIND_CONSOLE_DEV_KEY REWIND_OIDC_APPLICATION_TYPE=service \
      REWIND_CONSOLE_SIGN_IN=dev-session REWIND_CONSOLE_DEV_SIGN_IN=true \
      REWIND_JWT_ISSUER=${REWIND_JWT_ISSUER:-$("$REWIND_ROOT/dev/identity.sh" issuer)}
  fi
}
