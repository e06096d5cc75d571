#!/usr/bin/env bash
# Imports the bundled demo federation (Harvesters/demo/<node>/*.ttl|*.rdf) into a fresh catalogue
# home, one import per node, then prints faceted searches.
set -euo pipefail
catalogue="$1"
home="$2"
cd "$(dirname "$0")/.."
rm -rf "$home"
export CATALOGUE_HOME="$home"

for node_dir in Harvesters/demo/*/; do
  node=$(basename "$node_dir")
  files=()
  while IFS= read -r -d '' file; do files+=("$file"); done \
    < <(find "$node_dir" -maxdepth 1 -type f \( -name '*.ttl' -o -name '*.rdf' -o -name '*.nt' \) -print0 | sort -z)
  [ ${#files[@]} -gt 0 ] || continue
  echo "== import ${files[*]} --node $node"
  "$catalogue" import "${files[@]}" --node "$node"
  echo
done

echo "== catalogue search --per-page 10"
"$catalogue" search --per-page 10
echo
echo "== catalogue search --filter cancerType=icd10:C34 --filter modality=dicom:PT --sort subjects"
"$catalogue" search --filter cancerType=icd10:C34 --filter modality=dicom:PT --sort subjects
echo
echo "== catalogue search 'contrast-enhanced MRI' --filter bodySite=dicom:BREAST --filter bodySite=dicom:PROSTATE"
"$catalogue" search 'contrast-enhanced MRI' --filter bodySite=dicom:BREAST --filter bodySite=dicom:PROSTATE
