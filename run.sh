#!/usr/bin/env bash
# Runs ClaimsTracker with its own database and demo data, and prints the URL and the demo logins.
# Without ConnectionStrings__Claims it starts a private PostgreSQL cluster under .local/ and
# stops it again when the app stops (Ctrl+C).
set -euo pipefail
cd "$(dirname "$0")"

if [ -z "${ConnectionStrings__Claims:-}" ]; then
  scripts/prerequisites.sh
fi

url="${CLAIMS_URL:-http://localhost:5080}"
cat <<MSG

  ClaimsTracker will answer on ${url} once the build and database are ready.
  Demo logins (password Demo-pass-2025):
    analyst@claims.test   editor@claims.test   reviewer@claims.test   admin@claims.test

MSG
exec dotnet run --project src/ClaimsTracker.Web --launch-profile http --urls "$url"
