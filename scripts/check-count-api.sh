#!/usr/bin/env bash
# Extracts the public symbol graph of CohortCounts from the debug build (after `swift build`) and
# checks that none of its public API hands out an exact count (scripts/check-count-api.py).
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(swift build --show-bin-path)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
maps=()
includes=()
# The module maps SwiftPM generated for C targets (ours and the dependencies': CNIOAtomics, …);
# our C targets with an include folder have theirs there.
for file in "$build"/*.build/module.modulemap; do maps+=(-Xcc "-fmodule-map-file=$file"); done
for module in CXMLErrorLocator CXPath CXapian CFuzzDriver; do
  file=$build/$module.build/include/module.modulemap
  [ -f "$file" ] && maps+=(-Xcc "-fmodule-map-file=$file")
done
for module in CRaptor CLibXML2 CXapianCore; do maps+=(-Xcc "-fmodule-map-file=Sources/$module/module.modulemap"); done
# C modules of dependencies, whose module maps live in the checkouts: GRDB's SQLite, and those
# reached through Harvesting's HTTP client (CohortCounts depends on it since the hub's count client).
dependency_modules=(GRDB.swift/Sources/GRDBSQLite swift-numerics/Sources/_NumericsShims/include
  swift-atomics/Sources/_AtomicsShims/include swift-nio/Sources/CNIOWindows/include swift-system/Sources/CSystem/include)
for module in "${dependency_modules[@]}"; do
  file=.build/checkouts/$module/module.modulemap
  [ -f "$file" ] && maps+=(-Xcc "-fmodule-map-file=$file") && includes+=(-Xcc "-I.build/checkouts/$module")
done
for dir in $(pkg-config --cflags-only-I raptor2 libxml-2.0 xapian-core | tr ' ' '\n' | sed -n 's/^-I//p') Sources/CXMLErrorLocator/include Sources/CXPath/include Sources/CXapian/include; do
  includes+=(-Xcc "-I$dir")
done
swift-symbolgraph-extract -module-name CohortCounts -I "$build/Modules" -target "$(uname -m)-unknown-linux-gnu" \
  -output-dir "$out" -minimum-access-level public "${maps[@]}" "${includes[@]}"
python3 scripts/check-count-api.py "$out/CohortCounts.symbols.json"
