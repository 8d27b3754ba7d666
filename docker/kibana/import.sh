#!/usr/bin/env bash
# Imports Lumbung's saved objects (data views, saved search, dashboard) into Kibana, replacing older copies.
# KIBANA_URL says where Kibana is; with security on, KIBANA_AUTH is "user:password" (the elastic user).
# Exits non-zero unless Kibana answers "success":true, so that a broken import stops `docker compose up` loudly.
set -euo pipefail
auth=()
if [ -n "${KIBANA_AUTH:-}" ]; then auth=(-u "$KIBANA_AUTH"); fi
tls=()
if [ -n "${KIBANA_CA:-}" ]; then tls=(--cacert "$KIBANA_CA"); fi
answer=$(curl -sS "${auth[@]}" "${tls[@]}" -X POST "$KIBANA_URL/api/saved_objects/_import?overwrite=true" \
  -H 'kbn-xsrf: true' -F file=@/setup/lumbung.ndjson)
echo "$answer"
grep -q '"success":true' <<<"$answer"
