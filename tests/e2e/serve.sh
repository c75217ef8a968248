#!/usr/bin/env bash
# Serves a production build for the browser tests. With DATABASE_URL: migrates and seeds that PostgreSQL
# database. Without: a fresh embedded database in a temporary folder (migrated and seeded on start, as a demo
# server: SEED_DEMO_DATA=always).
set -euo pipefail
cd "$(dirname "$0")/../.."
port="${E2E_PORT:-3100}"
export NEXTAUTH_URL="http://localhost:${port}"
export AUTH_SECRET="${AUTH_SECRET:-e2e-secret-0123456789abcdef0123456789abcdef}"
export NEXT_TELEMETRY_DISABLED=1
# A production build seeds nothing by itself; the browser tests run against the demo shop (a demo server).
export SEED_DEMO_DATA="${SEED_DEMO_DATA:-always}"
if [ -n "${DATABASE_URL:-}" ]; then
  npm run --silent db:seed
else
  PGLITE_DATA_DIR="$(mktemp -d)/pglite"
  export PGLITE_DATA_DIR
fi
if [ "${E2E_SKIP_BUILD:-}" != "1" ]; then
  npx next build
fi
exec npx next start -p "$port"
