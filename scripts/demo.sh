#!/usr/bin/env bash
# Harvests the bundled demo federation (Harvesters/nodes.toml, whose nodes are local folders under
# Harvesters/demo/) into a fresh catalogue home, then prints faceted searches.
set -euo pipefail
catalogue="$1"
home="$2"
cd "$(dirname "$0")/.."
rm -rf "$home"
export CATALOGUE_HOME="$home"

echo "== catalogue harvest   (every node of Harvesters/nodes.toml: local folders of Harvesters/demo/)"
"$catalogue" harvest --nodes Harvesters/nodes.toml
echo
echo "== catalogue harvest runs"
"$catalogue" harvest runs
echo

echo "== catalogue search --per-page 10"
"$catalogue" search --per-page 10
echo
echo "== catalogue search --filter cancerType=icd10:C34 --filter modality=dicom:PT --sort subjects"
"$catalogue" search --filter cancerType=icd10:C34 --filter modality=dicom:PT --sort subjects
echo
echo "== catalogue search 'contrast-enhanced MRI' --filter bodySite=dicom:BREAST --filter bodySite=dicom:PROSTATE"
"$catalogue" search 'contrast-enhanced MRI' --filter bodySite=dicom:BREAST --filter bodySite=dicom:PROSTATE
