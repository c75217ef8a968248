#!/usr/bin/env bash
# npm test: the whole suite. Uses DATABASE_URL's PostgreSQL when set, the embedded PGlite otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format check (Prettier)"
npx prettier --check . --log-level warn
step "typecheck"
npx tsc --noEmit
step "lint"
npx eslint . --max-warnings 0
step "unit tests"
npx vitest run --project unit
step "integration tests ($([ -n "${DATABASE_URL:-}" ] && echo PostgreSQL || echo 'embedded PGlite'))"
npx vitest run --project integration
step "end-to-end tests (Playwright, production build)"
if [ -n "${DATABASE_URL:-}" ]; then
  # A database of their own on the same server: the demo shop, without the integration tests' rows.
  DATABASE_URL="$(npx tsx tests/e2e/fresh-database.ts)"
  export DATABASE_URL
  trap 'npx tsx tests/e2e/fresh-database.ts --drop "$DATABASE_URL" >/dev/null 2>&1 || true' EXIT
  echo "browser tests use ${DATABASE_URL%%\?*}"
fi
npx playwright test
