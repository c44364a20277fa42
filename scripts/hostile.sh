#!/usr/bin/env bash
# Runs the hostile-input tests at full size against an optimised build and prints each case's
# wall time, peak resident memory (VmHWM of the child) and exit code.
#
#   scripts/hostile.sh
#
# `cargo test` runs the same cases in CI; in a debug build the slowest ones run at a reduced size
# (tests/hostile.rs, `size()`), here they all run at the sizes of docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."
OAUTH_LINT_HOSTILE_FULL=1 cargo test --release --test hostile -- --nocapture --test-threads=1 2>&1 |
    grep -oE 'hostile: .*|^test result.*|FAILED.*|panicked.*'
