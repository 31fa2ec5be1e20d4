#!/usr/bin/env bash
# A stand-in identity provider for the dev stack, so that people can approve rollbacks locally: an RSA key pair made
# once in $REWIND_STATE_DIR/identity (the private key readable by you only, never in the checkout) and RS256 JWT
# bearer tokens signed with it, with the claims Rewind reads (upn, groups) and the issuer and audience it checks.
#   dev/identity.sh keys                      make the key pair if missing; print the public key's path
#   dev/identity.sh token NAME ROLE[,ROLE]    print a token for NAME holding the roles, valid for one hour
#   dev/identity.sh private-key               make the key pair if missing; print the private key's path (the
#                                             console's development sign-in signs its sessions with it)
#   dev/identity.sh public-key-body           the public key as one line of base64 (REWIND_OIDC_PUBLIC_KEY)
# In production, tokens come from your identity provider; see the README's "Approvals".
set -euo pipefail
source "$(dirname "$0")/lib.sh"

IDENTITY_DIR=$REWIND_STATE_DIR/identity
DEV_ISSUER=https://rewind.local/dev-identity

keys() {
  if [[ ! -s $IDENTITY_DIR/private.pem ]]; then
    mkdir -p "$IDENTITY_DIR"
    (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$IDENTITY_DIR/private.pem" 2>/dev/null)
    openssl pkey -in "$IDENTITY_DIR/private.pem" -pubout -out "$IDENTITY_DIR/public.pem"
  fi
  printf '%s\n' "$IDENTITY_DIR/public.pem"
}

base64url() {
  openssl base64 -A | tr '+/' '-_' | tr -d '='
}

token() {
  local name=${1:-} roles=${2:-} role groups='' now header payload unsigned signature
  if [[ ! $name =~ ^[A-Za-z0-9._@-]+$ || ! $roles =~ ^[a-z0-9,-]+$ ]]; then
    echo "usage: $0 token NAME ROLE[,ROLE]   e.g. $0 token alice oncall" >&2
    exit 2
  fi
  keys > /dev/null
  for role in ${roles//,/ }; do groups+="\"$role\","; done
  now=$(date +%s)
  header='{"alg":"RS256","typ":"JWT"}'
  payload=$(printf '{"iss":"%s","aud":"rewind","sub":"%s","upn":"%s","groups":[%s],"iat":%d,"exp":%d}' \
    "$DEV_ISSUER" "$name" "$name" "${groups%,}" "$now" $((now + 3600)))
  unsigned="$(printf '%s' "$header" | base64url).$(printf '%s' "$payload" | base64url)"
  signature=$(printf '%s' "$unsigned" | openssl dgst -sha256 -sign "$IDENTITY_DIR/private.pem" -binary | base64url)
  printf '%s.%s\n' "$unsigned" "$signature"
}

case ${1:-} in
  keys) keys ;;
  private-key) keys > /dev/null; printf '%s\n' "$IDENTITY_DIR/private.pem" ;;
  public-key-body) sed '/-----/d' "$(keys)" | tr -d '\n'; printf '\n' ;;
  token) shift; token "$@" ;;
  issuer) printf '%s\n' "$DEV_ISSUER" ;;
  *) echo "usage: $0 keys|token NAME ROLE[,ROLE]|issuer|private-key|public-key-body" >&2; exit 2 ;;
esac
