#!/usr/bin/env bash
# Builds the benchmark in release mode and runs it.
# Usage: Benchmarks/run.sh [search] [--count N] [--queries N] ...   the search benchmark (default)
#        Benchmarks/run.sh harvest [--count N] [--per-page N]        the harvest benchmark
#        Benchmarks/run.sh http [--runs N] [--duration S] ...          the HTTP benchmark (wrk)
#        Benchmarks/run.sh cohort [--sizes "2000000 10000000"] ...    cohort counts against DuckDB
# The harvest benchmark's peers need rdflib (PyPI) and rapper (Debian's raptor2-utils); they are
# installed here when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "cohort" ]; then
  shift
  exec bash Benchmarks/peers/cohort.sh "$@"
fi
if [ "${1:-}" = "http" ]; then
  shift
  exec bash Benchmarks/http/run.sh "$@"
fi
if [ "${1:-}" = "harvest" ]; then
  python3 -c "import rdflib" 2>/dev/null || python3 -m pip install --quiet rdflib
  if ! command -v rapper >/dev/null; then
    if [ "$(id -u)" = 0 ]; then apt-get install -y raptor2-utils; else sudo apt-get install -y raptor2-utils; fi
  fi
fi
swift build -c release --product CatalogueBenchmark
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(swift --version 2>&1 | head -1)"
.build/release/CatalogueBenchmark "$@"
