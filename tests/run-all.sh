#!/usr/bin/env bash
# npm test: the whole suite. Uses DATABASE_URL's PostgreSQL when set, the embedded PGlite otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "typecheck"
npx tsc --noEmit
step "lint"
npx eslint . --max-warnings 0
step "unit tests"
npx vitest run --project unit
step "integration tests (${DATABASE_URL:+PostgreSQL}${DATABASE_URL:-embedded PGlite})"
npx vitest run --project integration
step "end-to-end tests (Playwright, production build)"
npx playwright test
