#!/usr/bin/env bash
# Regenerate openapi.json, santa_sdk/_generated and its public mirror santa_sdk/api from the code,
# and the web UI's TypeScript API types (frontend/src/api/schema.gen.ts, by openapi-typescript).
#   scripts/generate_sdk.sh          regenerate in place
#   scripts/generate_sdk.sh --check  fail (with how to fix) if the committed files drift
# openapi-python-client runs in its own environment (it pins an older typer).
set -euo pipefail
cd "$(dirname "$0")/.."
export UV_PYTHON_DOWNLOADS=never
check=0
[ "${1:-}" = "--check" ] && check=1

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
uv run python scripts/openapi_dump.py "$tmp/openapi.json"
uvx --quiet --from openapi-python-client==0.29.1 openapi-python-client generate \
  --path "$tmp/openapi.json" --meta none --output-path "$tmp/out" \
  --config scripts/sdk-config.yaml --overwrite >/dev/null
uv run python scripts/sdk_mirror.py "$tmp/out" "$tmp/mirror"
uv run ruff format --quiet --isolated --no-respect-gitignore "$tmp/out" "$tmp/mirror" >/dev/null
if [ ! -x frontend/node_modules/.bin/openapi-typescript ]; then
  command -v npm >/dev/null || { echo "npm is needed for the TypeScript API types (Node 20)." >&2; exit 1; }
  npm ci --prefix frontend --no-audit --no-fund --loglevel=error >/dev/null
fi
frontend/node_modules/.bin/openapi-typescript "$tmp/openapi.json" -o "$tmp/schema.gen.ts" >/dev/null

if [ "$check" = 1 ]; then
  status=0
  if ! cmp -s "$tmp/openapi.json" openapi.json; then
    echo "openapi.json drifts from the code." >&2
    status=1
  fi
  if ! diff -r -q -x __pycache__ "$tmp/out" santa_sdk/_generated >&2; then
    echo "santa_sdk/_generated drifts from the code." >&2
    status=1
  fi
  if ! diff -r -q -x __pycache__ "$tmp/mirror/api" santa_sdk/api >&2; then
    echo "santa_sdk/api drifts from the code." >&2
    status=1
  fi
  if ! cmp -s "$tmp/schema.gen.ts" frontend/src/api/schema.gen.ts; then
    echo "frontend/src/api/schema.gen.ts drifts from the code." >&2
    status=1
  fi
  if [ "$status" != 0 ]; then
    echo "Fix: run \`uv run nox -s sdk\` and commit openapi.json, santa_sdk/_generated, santa_sdk/api and frontend/src/api/schema.gen.ts." >&2
  fi
  exit "$status"
fi

cp "$tmp/openapi.json" openapi.json
rm -rf santa_sdk/_generated santa_sdk/api
cp -r "$tmp/out" santa_sdk/_generated
cp -r "$tmp/mirror/api" santa_sdk/api
cp "$tmp/schema.gen.ts" frontend/src/api/schema.gen.ts
echo "regenerated openapi.json, santa_sdk/_generated, santa_sdk/api and frontend/src/api/schema.gen.ts"
