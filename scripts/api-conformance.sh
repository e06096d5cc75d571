#!/usr/bin/env bash
# Runs schemathesis against a live `catalogue serve` on loopback over every operation of the
# OpenAPI document, with an admin token, on a catalogue of the bundled demo federation.
# Fails on any server error (5xx), any response that breaks the document (status, content type,
# headers, schema), a schema-invalid request accepted, a wrong answer to an undeclared method, and
# the other checks of `--checks all` but one: positive_data_acceptance expects every schema-valid
# request to succeed, and the API refuses (400) values that are well-typed but name nothing —
# an unknown node, code or concept — which is what issue 10 asks of it. Usage: scripts/api-conformance.sh [CATALOGUE_BINARY] [-- schemathesis options]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/serve-lib.sh
catalogue=${1:-.build/debug/catalogue}
shift || true
[ "${1:-}" = "--" ] && shift
[ -x "$catalogue" ] || { echo "api-conformance.sh: $catalogue is missing (swift build first)" >&2; exit 1; }
tools=$(bash scripts/api-tools.sh)
"$tools/python" scripts/check-openapi.py

work=$(mktemp -d)
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
home=$work/home
demo_home "$catalogue" "$home" "$work/harvest.log"
secret=$("$catalogue" token create --home "$home" --role admin --name conformance 2>/dev/null)
researcher=$("$catalogue" token create --home "$home" --role researcher --name beacon-check 2>/dev/null)

start_server "$catalogue" "$home" "$work/serve.log"

status=0
# The Beacon v2 answers, validated against the Beacon v2 framework's JSON schemas (vendored in the
# tests' fixtures): each informational document, the unfiltered sizes and a filtered count — the
# count answer against both the count and the result-sets response schemas. Before schemathesis,
# whose stateful runs revoke tokens they find.
beacon=$work/beacon && mkdir -p "$beacon"
base="http://127.0.0.1:$port/beacon/v2"
responses=framework/json/responses
for entry in info:beaconInfoResponse configuration:beaconConfigurationResponse map:beaconMapResponse \
             entry_types:beaconEntryTypesResponse filtering_terms:beaconFilteringTermsResponse; do
  curl -fsS "$base/${entry%%:*}" -o "$beacon/${entry%%:*}.json" || status=1
  "$tools/python" scripts/check-beacon.py "$responses/${entry#*:}.json" "$beacon/${entry%%:*}.json" || status=1
done
curl -fsS "$base/individuals" -o "$beacon/sizes.json" || status=1
curl -fsS -X POST "$base/individuals" -H "Authorization: Bearer $researcher" -H 'Content-Type: application/json' \
  -d '{"meta": {"apiVersion": "v2.0.0"}, "query": {"requestedGranularity": "count", "filters": [{"id": "NCIT:C16576"}, {"id": "age", "operator": ">=", "value": "40"}, {"id": "age", "operator": "<=", "value": "79"}]}}' \
  -o "$beacon/count.json" || status=1
for schema in beaconCountResponse beaconResultsetsResponse; do
  "$tools/python" scripts/check-beacon.py "$responses/$schema.json" "$beacon/sizes.json" "$beacon/count.json" || status=1
done
grep -q '"resultsCount"' "$beacon/count.json" || { echo "api-conformance.sh: the filtered Beacon count released no dataset" >&2; status=1; }

"$tools/schemathesis" run "http://127.0.0.1:$port/openapi.json" \
  --checks all --exclude-checks positive_data_acceptance \
  --header "Authorization: Bearer $secret" \
  --max-examples "${SCHEMATHESIS_EXAMPLES:-25}" --seed 1 --workers 1 --no-color \
  "$@" || status=$?

# Graceful shutdown: SIGTERM lets requests finish and closes the catalogue; the exit is clean.
kill -TERM "$server"
shutdown=0
wait "$server" || shutdown=$?
server=""
if [ "$shutdown" -ne 0 ]; then
  echo "api-conformance.sh: catalogue serve exited with $shutdown after SIGTERM" >&2
  tail -20 "$work/serve.log" >&2
  status=1
fi
# A fault the server logged (its error level) fails the run too, even when the answer looked right.
if grep -q ' error catalogue.server' "$work/serve.log"; then
  echo "api-conformance.sh: the server logged errors:" >&2
  grep ' error catalogue.server' "$work/serve.log" | head -20 >&2
  status=1
fi
exit "$status"
