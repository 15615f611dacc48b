#!/usr/bin/env bash
# Runs every test: domain unit tests, integration tests against a PostgreSQL the tests start
# themselves, and browser journeys in headless Chromium. Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

scripts/prerequisites.sh --with-browser || exit 1

# Layout is part of the build's rules: a file that `dotnet format whitespace` would change fails
# the run before any test starts (fix with `dotnet format whitespace ClaimsTracker.sln`).
if ! dotnet format whitespace ClaimsTracker.sln --verify-no-changes; then
  echo "0 passed, 1 failed"
  exit 1
fi

log=$(mktemp)
# One test assembly at a time (-m:1): the browser journeys start their own app servers and
# Chromium, and beside the integration tests on two cores their pages time out.
dotnet test ClaimsTracker.sln --nologo -m:1 "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test assembly prints "Passed!  - Failed: F, Passed: P, ..." (or "Failed!  - ...").
read -r passed failed < <(grep -E '^(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+' "$log" \
  | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+).*/\2 \1/' \
  | awk '{p += $1; f += $2} END {print p + 0, f + 0}')
rm -f "$log"

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A build error or a crashed test host: count it as a failure so nobody reads green.
  failed=1
fi
echo "${passed} passed, ${failed} failed"
exit "$status"
