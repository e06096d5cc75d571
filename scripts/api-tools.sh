#!/usr/bin/env bash
# Installs the Python tools the API and export tests run (schemathesis, pySHACL, openapi-spec-validator, jsonschema)
# into .venv-tools/, pinned, once. Prints the venv's bin folder. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv-tools
want="schemathesis==4.32.5 pyshacl==0.40.1 openapi-spec-validator==0.9.0 jsonschema==4.26.0"
stamp="$venv/.installed"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  command -v python3 >/dev/null || { echo "api-tools.sh: python3 is needed (apt-get install python3 python3-venv)" >&2; exit 1; }
  python3 -m venv "$venv" >&2 || { echo "api-tools.sh: cannot create $venv (apt-get install python3-venv)" >&2; exit 1; }
  "$venv/bin/pip" install --quiet --disable-pip-version-check $want >&2
  echo "$want" >"$stamp"
fi
echo "$PWD/$venv/bin"
