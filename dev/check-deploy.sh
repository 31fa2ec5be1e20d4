#!/usr/bin/env bash
# Checks Rewind's deployment files with no Docker engine and no cluster; CI (.ci/run) runs it before the build.
#   1. docker-compose.yml: resolved by `docker compose config` (or Debian's docker-compose 1.29) with dummy values for
#      the variables it requires; no secret with a value or a default; every service with a healthcheck.
#   2. k8s/ rendered by `kubectl kustomize`: the base, each overlay, the Strimzi topics, production + all components.
#   3. Every rendered object against the Kubernetes schemas, unknown fields included, and
#   4. Rewind's deployment policies on them (k8s/validate: Node.js, the kubernetes-models package).
# One line per check; exits 1 when any fails. Without kubectl, 3 and 4 read the YAML files under k8s/ as they are.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d /tmp/rewind-check-deploy.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
failed=0
say() { printf '%-5s %-26s %s\n' "$@"; }   # status, check, what and how it went
fail() { say FAIL "$1" "$2"; failed=1; }

# The validator (k8s/validate, Node.js): its packages installed by `npm ci` when missing or older than the lock file.
validator=false
if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
  fail "validator" "k8s/validate: node and npm not found (Node.js 20 or later is needed)"
elif [ -e k8s/validate/node_modules/.package-lock.json ] &&
  [ ! k8s/validate/package-lock.json -nt k8s/validate/node_modules/.package-lock.json ]; then
  validator=true
# kubernetes-models asks for Node.js 22, warns on 20 and works there (the self-test below shows it): warnings hidden.
elif (cd k8s/validate && npm ci --no-audit --no-fund --loglevel=error) > "$tmp/npm.log" 2>&1; then
  validator=true
else
  fail "validator" "k8s/validate: npm ci failed: $(tail -5 "$tmp/npm.log" | tr '\n' ' ')"
fi

# 1. Compose. Only its config command is used, which needs no engine; CI installs Debian's when none is there.
if docker compose version > /dev/null 2>&1; then
  compose=(docker compose)
elif command -v docker-compose > /dev/null; then
  compose=(docker-compose)
elif [ "${CI:-}" = true ] && [ "$(id -u)" = 0 ]; then
  echo "installing docker-compose"
  (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends docker-compose) \
    > "$tmp/apt.log" 2>&1 || cat "$tmp/apt.log"
  compose=(docker-compose)
else
  compose=()
fi
# The variables the file requires (${VAR:?...}), each given a dummy value.
mapfile -t required < <(grep -o '\${[A-Z0-9_]*:?' docker-compose.yml | tr -d '${:?' | sort -u)
dummies=()
for name in "${required[@]}"; do dummies+=("$name=ci"); done
if [ ${#compose[@]} = 0 ] || ! command -v "${compose[0]}" > /dev/null; then
  fail "compose config" "docker-compose.yml: no docker compose nor docker-compose (apt-get install docker-compose)"
elif env "${dummies[@]}" "${compose[@]}" -f docker-compose.yml config > "$tmp/compose.yaml" 2> "$tmp/err"; then
  say ok "compose config" "docker-compose.yml: valid (${compose[*]}; dummy ${required[*]})"
else
  fail "compose config" "docker-compose.yml: $(tr '\n' ' ' < "$tmp/err")"
fi
# Secrets come from the environment: a PASSWORD, TOKEN, SECRET or _KEY never has a value or a non-empty default here.
secret='[A-Z_]*(PASSWORD|TOKEN|SECRET|_KEY)[A-Z_]*(:-[^}]+|: +[^"$ {][^,}]*)'   # NAME:-default or NAME: value
if secrets=$(sed 's/#.*//' docker-compose.yml | grep -noE "$secret"); then
  fail "compose secrets" "docker-compose.yml: secrets with a value or a default: $(tr '\n' ' ' <<< "$secrets")"
else
  say ok "compose secrets" "docker-compose.yml: no secret with a value or a default"
fi
if $validator && [ -s "$tmp/compose.yaml" ]; then node k8s/validate/compose.mjs "$tmp/compose.yaml" || failed=1; fi
# The console's development sign-in lets anyone in as anyone: it is for dev/stack.sh alone, never a deployment.
if dev_sign_in=$(grep -rnE 'REWIND_CONSOLE_(DEV_SIGN_IN|DEV_KEY|SIGN_IN)|dev-sign-in' docker-compose.yml k8s \
    --include='*.yml' --include='*.yaml' --exclude-dir=node_modules); then
  fail "console sign-in" "the development sign-in is set in a deployment file: $(tr '\n' ' ' <<< "$dev_sign_in")"
else
  say ok "console sign-in" "docker-compose.yml, k8s/: the console signs people in through OIDC only"
fi

# 2. Rendering. Production with every component too, as an overlay of one's own would compose them.
sets=()
if command -v kubectl > /dev/null; then
  mkdir "$tmp/all-components"
  k8s=$(realpath --relative-to="$tmp/all-components" k8s)
  { echo "resources: [$k8s/overlays/production]"
    echo "components:"
    for c in k8s/components/*/; do echo "  - $k8s/components/$(basename "$c")"; done
  } > "$tmp/all-components/kustomization.yaml"
  for name in k8s/base k8s/overlays/* k8s/strimzi-topics k8s/overlays/production+components; do
    dir=$name
    [ "$name" != k8s/overlays/production+components ] || dir=$tmp/all-components
    out="$tmp/$(echo "$name" | tr / _).yaml"
    if kubectl kustomize "$dir" > "$out" 2> "$tmp/err"; then
      say ok "render" "$name: $(grep -c '^kind:' "$out") objects"
      sets+=("$name=$out")
    else
      fail "render" "$name: $(tr '\n' ' ' < "$tmp/err")"
    fi
  done
else
  echo "SKIPPED rendering: kubectl not found (the schema and policy checks read the raw YAML files under k8s/)"
  sets=(--raw k8s)
fi

# 3 and 4. Schemas and policies, by the validator once its self-test shows that it catches what it should.
if $validator; then
  if node k8s/validate/selftest.mjs; then node k8s/validate/validate.mjs "${sets[@]}" || failed=1; else failed=1; fi
fi

if [ "$failed" = 0 ]; then
  echo "check-deploy: every check ok (${SECONDS} s)"
else
  echo "check-deploy: FAILED, see the FAIL lines above (${SECONDS} s)"
  exit 1
fi
