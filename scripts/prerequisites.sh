#!/usr/bin/env bash
# Installs what a fresh Debian/Ubuntu machine with only the .NET 10 SDK lacks:
# the PostgreSQL server binaries and, for the browser tests, Chromium. Quiet when all is there.
# Usage: scripts/prerequisites.sh [--with-browser]
set -euo pipefail

want_browser=false
[ "${1:-}" = "--with-browser" ] && want_browser=true

have_postgres() {
  command -v initdb >/dev/null 2>&1 || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null
}
have_chromium() {
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]
}

packages=()
have_postgres || packages+=(postgresql)
if $want_browser && ! have_chromium; then packages+=(chromium); fi
[ ${#packages[@]} -eq 0 ] && exit 0

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required: https://learn.microsoft.com/dotnet/core/install/linux" >&2
  exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "Missing: ${packages[*]}. Install them (apt-get install ${packages[*]}) or run as root." >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing: ${packages[*]}, and there is no apt-get here to install them. Install them by hand." >&2
  exit 1
fi

echo "Installing ${packages[*]} with apt-get ..."
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
echo "Installed ${packages[*]}."
