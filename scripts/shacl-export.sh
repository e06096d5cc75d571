#!/usr/bin/env bash
# Validates a DCAT-AP export (Turtle, as `catalogue export` writes it) against the official DCAT-AP 3.0.1
# SHACL shapes with pySHACL, without inference (the shapes' sh:class checks need the classes stated).
# The shapes (CC BY 4.0, SEMICeu/DCAT-AP) are read from ../shared/fixtures/shacl/, not copied; set
# SHACL_SHAPES to use another file. Prints the violations and fails when the export does not conform.
# Usage: scripts/shacl-export.sh FILE     Exit: 0 conforms, 1 does not conform, 2 cannot validate.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
[ $# -eq 1 ] || { echo "usage: scripts/shacl-export.sh FILE" >&2; exit 2; }
file=$1
shapes=${SHACL_SHAPES:-$root/../shared/fixtures/shacl/dcat-ap-3.0.1-SHACL.ttl}
[ -f "$file" ] || { echo "shacl-export.sh: $file: no such file" >&2; exit 2; }
[ -f "$shapes" ] || { echo "shacl-export.sh: the DCAT-AP shapes are missing: $shapes" >&2; exit 2; }
tools=$(bash "$root/scripts/api-tools.sh") || { echo "shacl-export.sh: pySHACL could not be installed" >&2; exit 2; }

report=$(mktemp)
trap 'rm -f "$report"' EXIT
status=0
"$tools/pyshacl" -s "$shapes" -sf turtle -df turtle -i none -f human "$file" >"$report" 2>&1 || status=$?

if grep -q "^Conforms: True" "$report" && [ "$status" -eq 0 ]; then
  echo "shacl-export.sh: $file conforms to DCAT-AP 3.0.1"
  exit 0
fi
if grep -q "^Conforms: False" "$report"; then
  echo "shacl-export.sh: $file does not conform to DCAT-AP 3.0.1:" >&2
  cat "$report" >&2
  exit 1
fi
echo "shacl-export.sh: pySHACL could not validate $file (exit $status):" >&2
cat "$report" >&2
exit 2
