#!/usr/bin/env bash
# Harvests the bundled demo federation (Harvesters/nodes.toml, whose nodes are local folders under
# Harvesters/demo/) into a fresh catalogue home, prints faceted searches, then works the curators' queue.
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
echo
echo "== catalogue vocab unmapped   (the curators' queue: values no concept matched, per field and node)"
"$catalogue" vocab unmapped
echo
echo "== catalogue vocab map Próstata ct:prostate-cancer   (a hidden label; the dataset is re-normalised and searchable at once)"
"$catalogue" vocab map "Próstata" ct:prostate-cancer --author demo --reason "Spanish organ name written as the condition at UPV"
echo
echo "== catalogue vocab history --limit 2"
"$catalogue" vocab history --limit 2
echo
echo "== catalogue search Lungenkrebs --per-page 5   (a label in any language matches its concept and everything below it)"
"$catalogue" search Lungenkrebs --per-page 5
echo
echo "== catalogue search prostrate   (a misspelt word gets a suggestion from the vocabularies' labels)"
"$catalogue" search prostrate --per-page 5
echo
echo "== catalogue check   (the store is sound and the search index holds exactly its datasets)"
"$catalogue" check

echo
echo "== catalogue subjects import   (node mode: each demo dataset's generated subjects, Harvesters/demo-subjects/)"
imported=0
while IFS=$'\t' read -r file dataset; do
  case "$file" in '#'*|'') continue ;; esac
  "$catalogue" subjects import "Harvesters/demo-subjects/$file" --dataset "$dataset" >/dev/null
  imported=$((imported + 1))
done < Harvesters/demo-subjects/datasets.tsv
echo "imported the subjects of $imported datasets; their unmapped diagnoses are in the curators' queue (catalogue vocab unmapped)"
echo
echo "== catalogue count --cancerType icd10:C50 --sex female --age 50-69 --modality dicom:MR   (released counts: noised, rounded, <10 hidden)"
"$catalogue" count --cancerType icd10:C50 --sex female --age 50-69 --modality dicom:MR
echo
echo "== catalogue count --cancerType icd10:C34 --age 60+"
"$catalogue" count --cancerType icd10:C34 --age 60+

if [ "${SERVE:-1}" = 0 ]; then exit 0; fi
echo
echo "== catalogue serve --port ${PORT:-8080}   (the web pages and the JSON API of docs/api.md; Ctrl-C stops it)"
echo "   open: http://127.0.0.1:${PORT:-8080}/   (search the datasets in a browser)"
echo "   try:  curl -s 'http://127.0.0.1:${PORT:-8080}/api/v1/datasets?cancerType=icd10:C34&modality=dicom:CT' | python3 -m json.tool"
echo "         curl -s http://127.0.0.1:${PORT:-8080}/openapi.json | python3 -m json.tool | head"
exec "$catalogue" serve --nodes Harvesters/nodes.toml --port "${PORT:-8080}"
