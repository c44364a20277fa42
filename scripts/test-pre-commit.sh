#!/usr/bin/env bash
# Tests .pre-commit-hooks.yaml for real: installs pre-commit into a temporary virtualenv, then runs
# `pre-commit try-repo` against this repository's HEAD on a throwaway git repository holding a good
# and a bad document. Needs network access to PyPI and crates.io (pre-commit builds the hook with
# `cargo install`), and a few minutes on a cold cache.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet pre-commit
export PRE_COMMIT_HOME="$work/cache"
pc="$work/venv/bin/pre-commit"

mkdir "$work/project" && cd "$work/project"
git init --quiet
git config user.email test@example.com && git config user.name test
mkdir -p clients .well-known
cat > clients/good.json <<'JSON'
{"client_id": "web", "redirect_uris": ["https://app.example.com/callback"], "token_endpoint_auth_method": "private_key_jwt", "jwks_uri": "https://app.example.com/jwks.json"}
JSON
cat > package.json <<'JSON'
{"name": "not-oauth", "version": "1.0.0"}
JSON
printf '{ // comments: not JSON, not OAuth\n}\n' > tsconfig.json
git add -A && git commit --quiet -m init

echo "== a clean repository passes"
"$pc" try-repo "$repo" oauth-lint --all-files

echo "== a bad document fails"
cat > clients/bad.json <<'JSON'
{"client_id": "web", "redirect_uris": "https://app.example.com/callback#frag", "require_auth_time": "yes"}
JSON
git add -A
if "$pc" try-repo "$repo" oauth-lint --all-files; then
  echo "FAIL: the hook passed on a bad document" >&2
  exit 1
fi
echo "OK: pre-commit hook works (passes clean, fails bad)"
