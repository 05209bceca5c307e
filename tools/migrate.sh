#!/usr/bin/env bash
# Moves the running cases of a process to its latest deployed version.
#   tools/migrate.sh PROCESS_KEY             dry run: which cases would move, which cannot and why
#   tools/migrate.sh PROCESS_KEY --execute   move them
# Needs a process analyst's or administrator's credentials:
#   OPENCSC_URL (default http://localhost:8080), OPENCSC_USER, OPENCSC_PASSWORD
set -euo pipefail
key=${1:?usage: tools/migrate.sh PROCESS_KEY [--execute]}
dry_run=true
[ "${2:-}" = "--execute" ] && dry_run=false
url=${OPENCSC_URL:-http://localhost:8080}
: "${OPENCSC_USER:?set OPENCSC_USER}" "${OPENCSC_PASSWORD:?set OPENCSC_PASSWORD}"
curl --fail-with-body -sS -u "$OPENCSC_USER:$OPENCSC_PASSWORD" -H 'Content-Type: application/json' \
  -d "{\"dryRun\": $dry_run}" "$url/api/migrations/$key"
echo
