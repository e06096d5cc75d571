#!/usr/bin/env bash
# Builds the libFuzzer targets under Fuzz/ and runs each for a set number of inputs.
#
#   scripts/fuzz.sh --short [target…]   CI: 20,000 inputs per target, fixed seed (make test)
#   scripts/fuzz.sh --long  [target…]   1,000,000 inputs per target, two targets at a time (make fuzz)
#   scripts/fuzz.sh --runs N [target…]  any other number
#   options: --no-build (reuse .build-fuzz), --jobs N (targets run at once), --list
#
# Targets: turtle rdfxml jsonld json recordjson mapping custompage nodestoml search (all by default).
# Build: release, `-sanitize=fuzzer` (libFuzzer, from the Swift toolchain) and AddressSanitizer,
# into its own scratch path .build-fuzz (never the shared .build). Seeds: Fuzz/Corpus/<target>
# (committed, read only); the corpus that grows: Fuzz/scratch/corpus/<target>; logs: Fuzz/scratch/logs;
# crashes, timeouts (> 10 s for one input) and out-of-memory inputs: Fuzz/artifacts/<target>/.
# Exits non-zero when a build fails or any target finds something.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
SWIFT=${SWIFT:-swift}
scratch=.build-fuzz

all_targets=(turtle rdfxml jsonld json recordjson mapping custompage nodestoml search)
declare -A product=(
  [turtle]=FuzzTurtle [rdfxml]=FuzzRDFXML [jsonld]=FuzzJSONLD [json]=FuzzJSON
  [recordjson]=FuzzRecordJSON [mapping]=FuzzMapping [custompage]=FuzzCustomPage
  [nodestoml]=FuzzNodesTOML [search]=FuzzSearch
)

runs=20000
# --short fixes libFuzzer's seed: the CI run is the same inputs every time, so it fails only on a
# regression, never on the luck of the draw (long runs draw a new seed each time).
seed=
jobs=1
build=1
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --short) runs=20000; seed=1 ;;
    --long) runs=1000000; jobs=2 ;;
    --runs) runs=$2; shift ;;
    --jobs) jobs=$2; shift ;;
    --no-build) build=0 ;;
    --list) printf '%s\n' "${all_targets[@]}"; exit 0 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *)
      [ -n "${product[$1]:-}" ] || { echo "fuzz.sh: unknown target $1 (known: ${all_targets[*]})" >&2; exit 2; }
      targets+=("$1") ;;
  esac
  shift
done
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")

started=$(date +%s)
bash scripts/install-system-deps.sh

# The same flags for every product, so that they share one build of the dependencies.
# `--sanitize=address` instruments Swift and C/C++ targets alike; `-sanitize=fuzzer` adds
# libFuzzer's coverage and links its runtime; `-DFUZZING` turns each target's stub main into
# the libFuzzer driver (Fuzz/Support/FuzzDriver.swift); `-parse-as-library` because each target is
# one file with `@main`, as SwiftPM itself compiles such a target.
build_flags=(--scratch-path "$scratch" -c release --sanitize=address
  -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING -Xswiftc -parse-as-library)

mkdir -p Fuzz/scratch/logs
if [ "$build" = 1 ]; then
  for target in "${targets[@]}"; do
    echo "== building ${product[$target]}"
    build_started=$(date +%s)
    build_log=Fuzz/scratch/logs/build-$target.log
    if ! "$SWIFT" build "${build_flags[@]}" --product "${product[$target]}" >"$build_log" 2>&1; then
      grep -v -e '^\[[0-9]*/[0-9]*\]' "$build_log" | tail -40 >&2
      echo "fuzz.sh: building ${product[$target]} failed (log: $build_log)" >&2
      exit 1
    fi
    echo "   built in $(( $(date +%s) - build_started )) s"
  done
fi
bin=$("$SWIFT" build "${build_flags[@]}" --show-bin-path)

# Leak checking is off: the Swift runtime's caches (type metadata, the raptor world's per-thread
# state) are allocated once and never freed, which LeakSanitizer reports as leaks of the first input.
# The Swift runtime's own backtracer is off: libFuzzer and ASan print the stack, and the backtracer
# reading the crashed process's memory under ASan adds a spurious "unknown-crash" report.
export SWIFT_BACKTRACE=${SWIFT_BACKTRACE:-enable=no}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}
export FUZZ_PROJECT_ROOT=$root

run_target() {
  local target=$1 binary="$bin/${product[$1]}"
  local corpus=Fuzz/scratch/corpus/$target artifacts=Fuzz/artifacts/$target log=Fuzz/scratch/logs/$target.log
  mkdir -p "$corpus" "$artifacts"
  local options=(-runs="$runs" -timeout=10 -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1
    -artifact_prefix="$artifacts/")
  [ -f "Fuzz/Dictionaries/$target.dict" ] && options+=(-dict="Fuzz/Dictionaries/$target.dict")
  [ -n "$seed" ] && options+=(-seed="$seed")
  local target_started=$(date +%s%N) status=0
  "$binary" "${options[@]}" "$corpus" "Fuzz/Corpus/$target" >"$log" 2>&1 || status=$?
  local millis=$(( ($(date +%s%N) - target_started) / 1000000 ))
  local seconds=$(( millis / 1000 ))
  local executed speed="" coverage
  executed=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1 || true)
  # libFuzzer's own average is in whole seconds (0 for a run under one second): from the wall time.
  [ -n "$executed" ] && speed=$(( executed * 1000 / (millis > 0 ? millis : 1) ))
  coverage=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1 || true)
  if [ "$status" -eq 0 ]; then
    printf '   %-11s ok      %8s runs %6s exec/s  %-20s %4d s\n' "$target" "${executed:-?}" "${speed:-?}" "$coverage" "$seconds"
  else
    printf '   %-11s FAILED  exit %s after %s s; log %s\n' "$target" "$status" "$seconds" "$log"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|Fatal error|.*fuzz invariant failed|ALARM|.*Test unit written)' "$log" | head -8 | sed 's/^/      /' || true
    return 1
  fi
}

echo "== running ${#targets[@]} target(s), $runs inputs each, $jobs at a time (logs in Fuzz/scratch/logs)"
for target in "${targets[@]}"; do
  rm -f "Fuzz/scratch/logs/$target.status"
  if [ ! -x "$bin/${product[$target]}" ]; then
    echo "   $target: $bin/${product[$target]} is missing (build it first)"
    echo 1 >"Fuzz/scratch/logs/$target.status"
    continue
  fi
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
  ( status=0; run_target "$target" || status=$?; echo "$status" >"Fuzz/scratch/logs/$target.status" ) &
done
wait || true

failed=()
for target in "${targets[@]}"; do
  [ "$(cat "Fuzz/scratch/logs/$target.status" 2>/dev/null)" = 0 ] || failed+=("$target")
done

echo "== fuzzing took $(( $(date +%s) - started )) s wall (build included)"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: findings or failures in: ${failed[*]} (inputs in Fuzz/artifacts/)" >&2
  exit 1
fi
