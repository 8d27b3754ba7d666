#!/usr/bin/env bash
# The secured variant's one-shot setup, in the Elasticsearch image, as root:
# 1. a CA and a certificate for the elasticsearch service (once; kept in the certs volume);
# 2. once Elasticsearch answers: kibana_system's password, and an API key for Lumbung that may touch only the
#    lumbung-* indices and their templates, written to the secrets volume for Lumbung to read (never printed).
set -euo pipefail
cd /usr/share/elasticsearch
certs=config/certs
if [ ! -f "$certs/es/es.crt" ]; then
  bin/elasticsearch-certutil ca --silent --pem -out "$certs/ca.zip"
  unzip -o -q "$certs/ca.zip" -d "$certs"
  printf 'instances:\n  - name: es\n    dns: [elasticsearch, localhost]\n    ip: [127.0.0.1]\n' > "$certs/instances.yml"
  bin/elasticsearch-certutil cert --silent --pem -out "$certs/es.zip" --in "$certs/instances.yml" \
    --ca-cert "$certs/ca/ca.crt" --ca-key "$certs/ca/ca.key"
  unzip -o -q "$certs/es.zip" -d "$certs"
  chown -R 1000:0 "$certs"
  find "$certs" -type d -exec chmod 750 {} \; ; find "$certs" -type f -exec chmod 640 {} \;
  # Kibana and Lumbung read the CA certificate only (the CA key stays unreadable to them).
  chmod 755 "$certs" "$certs/ca"; chmod 644 "$certs/ca/ca.crt"
fi
es=(curl -s --cacert "$certs/ca/ca.crt" -u "elastic:$ELASTIC_PASSWORD" -H 'Content-Type: application/json')
until "${es[@]}" https://elasticsearch:9200/_cluster/health | grep -q '"status"'; do sleep 3; done
"${es[@]}" -X POST https://elasticsearch:9200/_security/user/kibana_system/_password \
  -d "{\"password\":\"$KIBANA_PASSWORD\"}" | grep -q '^{}$'
key=$("${es[@]}" -X POST https://elasticsearch:9200/_security/api_key -d '{
  "name": "lumbung",
  "role_descriptors": {"lumbung": {
    "cluster": ["monitor", "manage_index_templates"],
    "indices": [{"names": ["lumbung-*"], "privileges": ["all"]}]
  }}}' | sed -n 's/.*"encoded":"\([^"]*\)".*/\1/p')
[ -n "$key" ] || { echo "setup: Elasticsearch did not create Lumbung's API key" >&2; exit 1; }
umask 077
printf '%s' "$key" > /secrets/lumbung-es-api-key
# Lumbung's image runs as an unprivileged user that must read the key; the volume is mounted into it alone.
chmod 644 /secrets/lumbung-es-api-key
echo "setup: certificates ready, kibana_system's password set, Lumbung's API key written"
