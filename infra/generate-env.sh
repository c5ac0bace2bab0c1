#!/bin/sh
# Writes the secrets docker-compose.yml needs to a new env file (default infra/.env, which compose reads: it sits
# beside the compose file): the database password, the gateway's admin API key, platform-service's and risk-service's
# own API keys (the gateway holds both, each service its own) and the internal-token key pair
# (EC P-256: the private key as base64 PKCS#8 DER for the gateway, the public key as kid:base64 X.509 DER for the
# services; see architecture.md, "Identity and roles"). Needs only openssl. Never overwrites an existing file.
set -eu
out=${1:-"$(dirname "$0")/.env"}
if [ -e "$out" ]; then
  echo "$out exists; delete it first to make new secrets" >&2
  exit 1
fi
signing_key=$(openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
  | openssl pkcs8 -topk8 -nocrypt -outform DER | openssl base64 -A)
public_key=$(printf '%s' "$signing_key" | openssl base64 -d -A | openssl pkey -inform DER -pubout -outform DER | openssl base64 -A)
key_id="compose-$(date -u +%Y%m%d)-$(openssl rand -hex 3)"
api_key() { echo "cfk_$(openssl rand -base64 32 | tr '+/' '-_' | tr -d '=\n')"; }
admin_key=$(api_key)
umask 077
cat > "$out" <<VARS
CITYFIN_DB_PASSWORD=$(openssl rand -hex 24)
CITYFIN_ADMIN_API_KEY=$admin_key
CITYFIN_PLATFORM_SERVICE_API_KEY=$(api_key)
CITYFIN_RISK_SERVICE_API_KEY=$(api_key)
CITYFIN_IDENTITY_SIGNING_KEY=$signing_key
CITYFIN_IDENTITY_KEY_ID=$key_id
CITYFIN_IDENTITY_PUBLIC_KEYS=$key_id:$public_key
GRAFANA_ADMIN_PASSWORD=$(openssl rand -hex 12)
VARS
echo "wrote $out (owner-only); the admin API key is CITYFIN_ADMIN_API_KEY in it"
