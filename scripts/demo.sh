#!/usr/bin/env bash
# Imports the bundled demo federation into a fresh catalogue home and prints a faceted search.
set -euo pipefail
catalogue="$1"
home="$2"
rm -rf "$home"
export CATALOGUE_HOME="$home"
echo "demo: being built"
