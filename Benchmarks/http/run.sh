#!/usr/bin/env bash
# The HTTP benchmark (issue 10): `catalogue serve` (release build) on the search benchmark's
# 100,000-dataset catalogue, loaded by wrk replaying the search mix, at 1, 16 and 64 connections,
# then at 16 while a harvest writes; the same searches timed in-process as the baseline.
# Also times the search page (/?…, issue 12) on the same searches.
# Usage: Benchmarks/http/run.sh [--runs 3] [--duration 20] [--count 100000] [--harvest-files 40] [--reuse]
# Output: Markdown on standard output; raw JSON lines and server logs in Benchmarks/output/http/.
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=3 duration=20 count=100000 harvest_files=40 reuse=0 port=18080
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --count) count=$2; shift 2 ;;
    --harvest-files) harvest_files=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --reuse) reuse=1; shift ;;
    *) echo "error: unknown option '$1' (see the usage line at the top of $0)" >&2; exit 2 ;;
  esac
done

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y -qq wrk >/dev/null; fi
fi
swift build -c release --product catalogue >&2
swift build -c release --product CatalogueBenchmark >&2
catalogue=.build/release/catalogue
benchmark=.build/release/CatalogueBenchmark

work=Benchmarks/output/http
requests=$work/requests.txt
mkdir -p "$work"
if [ "$reuse" = 0 ] || [ ! -d "$work/base/home" ]; then
  echo "generating and importing $count datasets (the search benchmark's catalogue)…" >&2
  "$benchmark" search --count "$count" --work "$work/base" --requests "$requests" --queries 300 > "$work/search-benchmark.md"
fi

# The harvested node: a folder of links to some of the generated files, as a new node, so the
# harvest inserts and indexes every dataset of them (about 1,000 per file).
rm -rf "$work/harvest-node" && mkdir -p "$work/harvest-node"
find "$work/base/files" -name '*.ttl' | sort | head -n "$harvest_files" | while read -r file; do
  ln -s "$(cd "$(dirname "$file")" && pwd)/$(basename "$file")" "$work/harvest-node/"
done
cat > "$work/nodes.toml" <<TOML
[[node]]
id = "bench-harvest"
name = "Benchmark node harvested under load"
country = "EU"
endpoint = "harvest-node"
TOML

results=$work/results.jsonl
: > "$results"
url="http://127.0.0.1:$port"

# Appends wrk's (or the replay's) JSON line to the results with the run and phase.
record() {
  local phase=$1 connections=$2 extra=${3:-"{}"}
  python3 -c 'import json,sys; row=json.loads(sys.stdin.read().strip().splitlines()[-1]); row.update(json.loads(sys.argv[4])); row.update(run=int(sys.argv[1]), phase=sys.argv[2], connections=int(sys.argv[3])); print(json.dumps(row))' \
    "$run" "$phase" "$connections" "$extra" >> "$results"
}

load() {
  local connections=$1 seconds=$2 threads=2
  [ "$connections" = 1 ] && threads=1
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s -s Benchmarks/http/search-mix.lua "$url" -- "$requests"
}

json_field() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {"d": d}))' "$1"; }

for run in $(seq 1 "$runs"); do
  home=$work/run-home
  rm -rf "$home" && cp -a "$work/base/home" "$home"
  echo "run $run: in-process replay…" >&2
  "$benchmark" replay --home "$home" --requests "$requests" --samples "$work/in-process-samples.txt" | record "in-process" 1
  admin=$("$catalogue" token create --home "$home" --role admin --name "bench-$run" | tail -1)

  "$catalogue" serve --home "$home" --port "$port" --nodes "$work/nodes.toml" --rate-limit 100000 > "$work/serve-$run.out" 2> "$work/serve-$run.log" &
  server=$!
  for _ in $(seq 1 100); do curl -fs "$url/readyz" >/dev/null 2>&1 && break; sleep 0.2; done
  curl -fs "$url/readyz" >/dev/null

  echo "run $run: the same searches one at a time, paired with the in-process replay…" >&2
  python3 Benchmarks/http/paired.py "$url" "$requests" "$work/in-process-samples.txt" | record "paired" 1

  # The search page (issue 12): the same searches as HTML, one connection.
  sed 's#^/api/v1/datasets#/#' "$requests" > "$work/pages.txt"
  echo "run $run: the search page's HTML, 1 connection…" >&2
  wrk -t1 -c1 -d5s --timeout 10s -s Benchmarks/http/search-mix.lua "$url" -- "$work/pages.txt" > /dev/null
  wrk -t1 -c1 -d"${duration}s" --timeout 10s -s Benchmarks/http/search-mix.lua "$url" -- "$work/pages.txt" | record "HTML search page" 1

  for connections in 1 16 64; do
    echo "run $run: $connections connection(s)…" >&2
    load "$connections" 5 > /dev/null
    load "$connections" "$duration" | record "HTTP" "$connections"
  done

  echo "run $run: 16 connections during a harvest…" >&2
  job=$(curl -fs -X POST "$url/api/v1/harvests" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d '{"nodes": ["bench-harvest"]}' | json_field 'd["id"]')
  started=$(date +%s.%N)
  sleep 1
  load 16 "$duration" > "$work/during-harvest.json"
  still=$(curl -fs "$url/api/v1/harvests/jobs/$job" -H "Authorization: Bearer $admin" | json_field 'd["status"] == "running"')
  until [ "$(curl -fs "$url/api/v1/harvests/jobs/$job" -H "Authorization: Bearer $admin" | json_field 'd["status"]')" = finished ]; do sleep 1; done
  harvest_seconds=$(python3 -c "import time; print(round(time.time() - $started, 1))")
  written=$(curl -fs "$url/api/v1/harvests/jobs/$job" -H "Authorization: Bearer $admin" | json_field 'sum(r["new"] + r["updated"] for r in d["runs"])')
  record "HTTP during a harvest" 16 \
    "{\"harvest_running_at_end\": $( [ "$still" = True ] && echo true || echo false ), \"harvest_datasets\": $written, \"harvest_seconds\": $harvest_seconds}" \
    < "$work/during-harvest.json"

  kill -TERM "$server" && wait "$server" || true
done

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(swift --version 2>&1 | head -1), wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}')"
echo "catalogue: $count datasets; requests: $(wc -l < "$requests") searches of the search mix; $duration s per phase after 5 s of warm-up"
python3 Benchmarks/http/summarise.py "$results"
