#!/usr/bin/env bash
# The web pages in a real browser: headless Chromium from Debian's packages, driven by Selenium
# (PyPI, pinned) through Tests/Browser/journeys.py, against `catalogue serve` on loopback over a
# catalogue of the bundled demo federation. Installs what it needs; writes screenshots to
# docs/screenshots/. Usage: scripts/browser-tests.sh [CATALOGUE_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/serve-lib.sh
catalogue=${1:-.build/debug/catalogue}
[ -x "$catalogue" ] || { echo "browser-tests.sh: $catalogue is missing (swift build first)" >&2; exit 1; }
bash scripts/install-system-deps.sh chromium chromium-driver

venv=.venv-browser
# axe-playwright-python only for the axe-core it bundles (4.12, MPL-2.0), injected through Selenium.
want="selenium==4.50.0 axe-playwright-python==0.1.8"
if [ ! -f "$venv/.installed" ] || [ "$(cat "$venv/.installed")" != "$want" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check $want
  echo "$want" > "$venv/.installed"
fi

work=$(mktemp -d)
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
home=$work/home
demo_home "$catalogue" "$home" "$work/harvest.log"
researcher=$("$catalogue" token create --home "$home" --role researcher --name browser-journey 2>/dev/null)
curator=$("$catalogue" token create --home "$home" --role curator --name browser-curator 2>/dev/null)
admin=$("$catalogue" token create --home "$home" --role admin --name browser-admin 2>/dev/null)
# With the demo federation file, so the admin page can start a harvest.
start_server "$catalogue" "$home" "$work/serve.log" --nodes Harvesters/nodes.toml
mkdir -p docs/screenshots
"$venv/bin/python" Tests/Browser/journeys.py "http://127.0.0.1:$port" docs/screenshots "$researcher" "$curator" "$admin"
