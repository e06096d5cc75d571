#!/usr/bin/env bash
# Builds the benchmark in release mode and runs it on a synthetic catalogue.
# Usage: Benchmarks/run.sh [--count N] [--queries N] ...  (see --help)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product CatalogueBenchmark
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(swift --version 2>&1 | head -1)"
.build/release/CatalogueBenchmark "$@"
