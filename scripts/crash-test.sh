#!/usr/bin/env bash
# The long crash test: kills a child `catalogue` (import, harvest, reindex, vocabulary edit) with
# SIGKILL at random moments, TRIALS times (default 100), and checks after each kill that the store
# holds the old or the new state and that search agrees with it. `make test` runs 20 kills.
#   scripts/crash-test.sh [TRIALS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
trials="${1:-100}"
export CRASH_TRIALS="$trials"
if [ -n "${2:-}" ]; then export CRASH_SEED="$2"; fi
swift build --build-tests
swift test --skip-build --filter CrashRecoveryTests
