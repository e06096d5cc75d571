#!/usr/bin/env bash
# Installs the system packages the build links against, when any is missing (Debian/Ubuntu),
# and any more named as arguments (the browser tests add chromium and chromium-driver).
# Uses sudo only when not root. Safe to run again: it does nothing once everything is there.
set -euo pipefail

packages=(libxapian-dev libsqlite3-dev libxml2-dev libraptor2-dev pkg-config g++ python3 python3-venv curl "$@")

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: missing system packages (${missing[*]}) and no apt-get to install them; install them by hand" >&2
  exit 1
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  as_root=(sudo)
fi

echo "Installing system packages: ${missing[*]}"
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
