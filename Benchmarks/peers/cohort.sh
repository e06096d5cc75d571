#!/usr/bin/env bash
# The cohort benchmark (issue 11): for each --subjects size (default 2M and 10M), one process of
# `CatalogueBenchmark cohort` (so each peak RSS is its own) builds the cohort index and times the
# count mix, then peers/cohort_duckdb.py answers the same queries with DuckDB (PyPI, pinned, in
# Benchmarks/output/venv-duckdb) and checks the exact counts. Extra options go to the benchmark.
# Usage: Benchmarks/run.sh cohort [--sizes "2000000 10000000"] [--datasets 5000] [--runs 5]
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes="2000000 10000000"
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
venv=Benchmarks/output/venv-duckdb
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import duckdb" 2>/dev/null; then
  mkdir -p Benchmarks/output
  python3 -m venv "$venv" || { echo "cohort.sh: cannot create a venv (apt-get install python3-venv)" >&2; exit 1; }
  "$venv/bin/pip" install --quiet duckdb==2.0.0
fi
swift build -c release --product CatalogueBenchmark
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(swift --version 2>&1 | head -1)"
status=0
for size in $sizes; do
  work="Benchmarks/output/cohort-$size"
  .build/release/CatalogueBenchmark cohort --subjects "$size" --work "$work" "${args[@]}"
  "$venv/bin/python" Benchmarks/peers/cohort_duckdb.py "$work" || status=1
  rm -f "$work/subjects.csv"
done
exit $status
