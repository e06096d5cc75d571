#!/usr/bin/env bash
# Extracts the public symbol graph of CohortCounts from the debug build (after `swift build`) and
# checks that none of its public API hands out an exact count (scripts/check-count-api.py).
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(swift build --show-bin-path)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
maps=()
for module in CXMLErrorLocator CXPath CXapian CFuzzDriver; do
  for file in "$build/$module.build/module.modulemap" "$build/$module.build/include/module.modulemap"; do
    [ -f "$file" ] && maps+=(-Xcc "-fmodule-map-file=$file")
  done
done
for module in CRaptor CLibXML2 CXapianCore; do maps+=(-Xcc "-fmodule-map-file=Sources/$module/module.modulemap"); done
# System-library modules of dependencies (GRDB's SQLite, …): their module maps live in the checkouts.
for file in .build/checkouts/GRDB.swift/Sources/GRDBSQLite/module.modulemap; do
  [ -f "$file" ] && maps+=(-Xcc "-fmodule-map-file=$file")
done
includes=()
for dir in $(pkg-config --cflags-only-I raptor2 libxml-2.0 xapian-core | tr ' ' '\n' | sed -n 's/^-I//p') Sources/CXMLErrorLocator/include Sources/CXPath/include Sources/CXapian/include; do
  includes+=(-Xcc "-I$dir")
done
swift-symbolgraph-extract -module-name CohortCounts -I "$build/Modules" -target "$(uname -m)-unknown-linux-gnu" \
  -output-dir "$out" -minimum-access-level public "${maps[@]}" "${includes[@]}"
python3 scripts/check-count-api.py "$out/CohortCounts.symbols.json"
