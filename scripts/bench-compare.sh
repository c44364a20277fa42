#!/usr/bin/env bash
# Side-by-side timing of oauth-lint against schema-only peers and a parse floor, in one run on the
# same files (issue 7; results go in docs/performance.md).
#
# usage: scripts/bench-compare.sh [-n N] [-r RUNS] [--peers-dir DIR] [--keep DIR] [--memory]
#                                 [--no-peers] [--corpus-only DIR]
#
#   -n N            documents in the corpus (default 10000)
#   -r RUNS         timed runs per command; the median is reported (default 5)
#   --peers-dir DIR install (or reuse) the peers in DIR instead of a fresh temporary folder
#   --keep DIR      build the corpus in DIR and keep it (default: a temporary folder, removed)
#   --memory        also measure peak RSS (/usr/bin/time -v) of oauth-lint over N and 10×N files
#                   (10×N in one directory, and in directories of 1,000)
#   --no-peers      skip check-jsonschema and ajv-cli (no installs)
#   --corpus-only DIR  only build the corpus of N documents in DIR, then exit
#
# The corpus: the real authorization server documents of fixtures/real-world/server that are JSON
# objects (a UTF-8 byte order mark removed: the peers refuse it; the two malformed documents left
# out), copied round-robin to N files with varied names (`<index>-<source>.json`,
# `<source>-<index>.discovery.json`, `<index>.<source>.json`) in one directory.
#
# What is timed, each over the whole corpus:
#   oauth-lint        `oauth-lint check --isolated --format concise DIR` (release build; full lint:
#                     parse, kind detection, schema validation, every rule, the report)
#   parse floor       `examples/parse_floor.rs`: read every file and serde_json-parse it, all cores
#   check-jsonschema  (pip, in a temporary venv) `--schemafile schemas/server.schema.json FILES`
#   ajv-cli           (npm, with ajv-formats, in a temporary folder)
#                     `validate --spec=draft2020 -c ajv-formats -s schemas/server.schema.json -d GLOB`
# The peers do schema validation only (they know nothing of OAuth). Each peer is one process, as a
# user runs it; "all cores" rows split the files in as many processes as there are cores.
# Also: single-document latency of the whole process (the pre-commit case) against /bin/true.
#
# Medians come from hyperfine (Debian package) when installed, else from a timing loop.
# Needs: cargo, python3 (venv, pip), node and npm (for ajv-cli); network access to PyPI and npm
# unless --peers-dir points at an earlier install.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N=10000
RUNS=5
PEERS_DIR=""
KEEP=""
MEMORY=0
PEERS=1
CORPUS_ONLY=""
while [ $# -gt 0 ]; do
  case "$1" in
    -n) N="$2"; shift 2 ;;
    -r) RUNS="$2"; shift 2 ;;
    --peers-dir) PEERS_DIR="$2"; shift 2 ;;
    --keep) KEEP="$2"; shift 2 ;;
    --memory) MEMORY=1; shift ;;
    --no-peers) PEERS=0; shift ;;
    --corpus-only) CORPUS_ONLY="$2"; shift 2 ;;
    -h|--help) sed -n '2,36p' "$0"; exit 0 ;;
    *) echo "bench-compare.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

SCHEMA="$ROOT/schemas/server.schema.json"
CORES="$(nproc)"

# ------------------------------------------------------------------ corpus
# build_corpus DIR COUNT: COUNT server documents with varied names in DIR.
build_corpus() {
  python3 - "$ROOT/fixtures/real-world/server" "$1" "$2" <<'EOF'
import json, os, sys
src, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
docs = []
for name in sorted(os.listdir(src)):
    with open(os.path.join(src, name), "rb") as f:
        data = f.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        if isinstance(json.loads(data.decode("utf-8")), dict):
            docs.append((os.path.splitext(name)[0], data))
    except ValueError:
        pass
os.makedirs(out, exist_ok=True)
patterns = ["{i:06d}-{s}.json", "{s}-{i:06d}.discovery.json", "{i:06d}.{s}.json"]
for i in range(count):
    stem, data = docs[i % len(docs)]
    name = patterns[(i // len(docs)) % len(patterns)].format(i=i, s=stem)
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)
print(f"corpus: {count} documents ({len(docs)} distinct real server documents) in {out}", file=sys.stderr)
EOF
}

if [ -n "$CORPUS_ONLY" ]; then
  build_corpus "$CORPUS_ONLY" "$N"
  exit 0
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/bench-compare.XXXXXX")"
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT
CORPUS="${KEEP:-$WORK/corpus}"
rm -rf "$CORPUS"
build_corpus "$CORPUS" "$N"
BYTES="$(cat "$CORPUS"/* | wc -c)"

# ------------------------------------------------------------------ builds and installs
echo "building oauth-lint and the parse floor (release)…" >&2
(cd "$ROOT" && cargo build --release --quiet --bin oauth-lint --example parse_floor)
TARGET_DIR="$(cd "$ROOT" && cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
LINT="$TARGET_DIR/release/oauth-lint"
FLOOR="$TARGET_DIR/release/examples/parse_floor"

if [ "$PEERS" = 1 ]; then
  PEERS_DIR="${PEERS_DIR:-$WORK/peers}"
  mkdir -p "$PEERS_DIR"
  if [ ! -x "$PEERS_DIR/venv/bin/check-jsonschema" ]; then
    echo "installing check-jsonschema (pip) in $PEERS_DIR/venv…" >&2
    python3 -m venv "$PEERS_DIR/venv"
    "$PEERS_DIR/venv/bin/pip" install --quiet --disable-pip-version-check check-jsonschema
  fi
  if [ ! -x "$PEERS_DIR/npm/node_modules/.bin/ajv" ]; then
    echo "installing ajv-cli and ajv-formats (npm) in $PEERS_DIR/npm…" >&2
    mkdir -p "$PEERS_DIR/npm"
    (cd "$PEERS_DIR/npm" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund ajv-cli ajv-formats >/dev/null)
  fi
  CJS="$PEERS_DIR/venv/bin/check-jsonschema"
  AJV="$PEERS_DIR/npm/node_modules/.bin/ajv"
  CJS_VERSION="$("$CJS" --version | awk '{print $NF}')"
  AJV_VERSION="$(node -p "require('$PEERS_DIR/npm/node_modules/ajv-cli/package.json').version")"
  AJV_LIB_VERSION="$(node -p "require('$PEERS_DIR/npm/node_modules/ajv/package.json').version")"
fi

# The peers get every file named on one command line (as a user would run them: one process, so
# xargs gets the system's whole argument space); the "all cores" variants split the list into
# CORES chunks run side by side.
ARGS_MAX=$(( $(getconf ARG_MAX) - 65536 ))
ls "$CORPUS" | sed "s|^|$CORPUS/|" > "$WORK/files.txt"
split -n "l/$CORES" -d "$WORK/files.txt" "$WORK/chunk."

# Sanity checks (not timed): every tool must accept its input and see every document.
"$FLOOR" "$CORPUS" >&2
"$LINT" check --isolated --format concise "$CORPUS" > "$WORK/lint.out" || true
tail -n 1 "$WORK/lint.out" >&2
if [ "$PEERS" = 1 ]; then
  xargs -s "$ARGS_MAX" -a "$WORK/files.txt" "$CJS" --schemafile "$SCHEMA" > "$WORK/cjs.out" 2>&1 || true
  tail -n 1 "$WORK/cjs.out" >&2
  "$AJV" validate --spec=draft2020 -c ajv-formats -s "$SCHEMA" -d "$CORPUS/*.json" > "$WORK/ajv.out" 2>&1 || true
  echo "ajv-cli: $(grep -c ' valid$' "$WORK/ajv.out" || true) valid, $(grep -c ' invalid$' "$WORK/ajv.out" || true) invalid" >&2
fi

# ------------------------------------------------------------------ timing
# time_cmd NAME COMMAND: median wall time in seconds (RUNS runs after two warm-ups) → $WORK/t.NAME
time_cmd() {
  local name="$1" cmd="$2"
  if command -v hyperfine >/dev/null; then
    hyperfine --style none --warmup 2 --runs "$RUNS" -i --export-json "$WORK/h.$name.json" \
      --command-name "$name" "$cmd" >/dev/null 2>&1
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(r["median"])' \
      "$WORK/h.$name.json" > "$WORK/t.$name"
  else
    bash -c "$cmd" >/dev/null 2>&1 || true
    local times=()
    for _ in $(seq "$RUNS"); do
      local s e
      s=$(date +%s%N); bash -c "$cmd" >/dev/null 2>&1 || true; e=$(date +%s%N)
      times+=("$(( e - s ))")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.6f\n", m/1e9}' > "$WORK/t.$name"
  fi
  printf '  %-34s %8.3f s\n' "$name" "$(cat "$WORK/t.$name")" >&2
}

# The corpus was just written: flush it to disk first, so that no command (oauth-lint is timed
# first) shares the machine with the kernel writing it back.
sync
echo "load before timing: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "timing ($RUNS runs each, median)…" >&2
time_cmd oauth-lint "'$LINT' check --isolated --format concise '$CORPUS' > /dev/null"
time_cmd parse-floor "'$FLOOR' '$CORPUS' > /dev/null"
if [ "$PEERS" = 1 ]; then
  time_cmd check-jsonschema "xargs -s $ARGS_MAX -a '$WORK/files.txt' '$CJS' --schemafile '$SCHEMA' > /dev/null"
  time_cmd check-jsonschema-all-cores "ls '$WORK'/chunk.* | xargs -P $CORES -I{} sh -c \"xargs -s $ARGS_MAX -a {} '$CJS' --schemafile '$SCHEMA' > /dev/null\""
  time_cmd ajv-cli "'$AJV' validate --spec=draft2020 -c ajv-formats -s '$SCHEMA' -d '$CORPUS/*.json' > /dev/null 2>&1"
  time_cmd ajv-cli-all-cores "ls '$WORK'/chunk.* | xargs -P $CORES -I{} sh -c \"sed 's/^/-d /' {} | xargs -s $ARGS_MAX '$AJV' validate --spec=draft2020 -c ajv-formats -s '$SCHEMA' > /dev/null 2>&1\""
fi
echo "load after timing: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# Single-document latency: the whole process, one typical server document, against /bin/true.
ONE="$WORK/one.discovery.json"
cp "$ROOT/fixtures/real-world/server/google-wellknown-2024.json" "$ONE"
ONE_CLIENT="$WORK/one.client.json"
cp "$ROOT/fixtures/real-world/client/obuk-dcr-response-aspsp.json" "$ONE_CLIENT"
LAT_RUNS=$(( RUNS * 40 ))
latency() {
  local name="$1"; shift
  if command -v hyperfine >/dev/null; then
    hyperfine --style none -N --warmup 20 --runs "$LAT_RUNS" -i --export-json "$WORK/l.$name.json" "$*" >/dev/null 2>&1
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(r["median"]*1000)' "$WORK/l.$name.json" > "$WORK/l.$name"
  else
    local s e
    s=$(date +%s%N); for _ in $(seq "$LAT_RUNS"); do "$@" >/dev/null 2>&1 || true; done; e=$(date +%s%N)
    awk -v d="$(( e - s ))" -v n="$LAT_RUNS" 'BEGIN { printf "%.3f\n", d / n / 1e6 }' > "$WORK/l.$name"
  fi
}
latency true /bin/true
latency one-server "$LINT" check --isolated "$ONE"
latency one-client "$LINT" check --isolated "$ONE_CLIENT"

# ------------------------------------------------------------------ memory
if [ "$MEMORY" = 1 ]; then
  BIG="$WORK/corpus-big"
  build_corpus "$BIG" $(( N * 10 ))
  # (oauth-lint exits 1 on error findings: not a failure here.)
  rss() { { /usr/bin/time -v "$LINT" check --isolated --format concise "$1" 2>&1 >/dev/null || true; } | awk -F': ' '/Maximum resident/ {print $2}'; }
  RSS_N="$(rss "$CORPUS")"
  RSS_BIG="$(rss "$BIG")"
  RSS_ONE="$(rss "$ONE")"
  # The same 10×N files in directories of 1,000 (hard links): a sorted walk holds one directory's
  # listing at a time, so this shows what the number of files alone costs.
  SPREAD="$WORK/corpus-spread"
  mkdir -p "$SPREAD"
  i=0
  for f in "$BIG"/*; do
    d="$SPREAD/d$(( i / 1000 ))"
    [ $(( i % 1000 )) = 0 ] && mkdir -p "$d"
    ln "$f" "$d/" 2>/dev/null || cp "$f" "$d/"
    i=$(( i + 1 ))
  done
  RSS_SPREAD="$(rss "$SPREAD")"
  rm -rf "$BIG" "$SPREAD"
fi

# ------------------------------------------------------------------ report
t() { cat "$WORK/t.$1"; }
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.1f}×')" "$(t "$1")" "$(t "$2")"; }
rate() { python3 -c "import sys; t=float(sys.argv[1]); print(f'{int(sys.argv[2])/t:,.0f} docs/s, {int(sys.argv[3])/t/1e6:.1f} MB/s')" "$(t "$1")" "$N" "$BYTES"; }

echo
echo "## bench-compare: $N server documents, $(python3 -c "print(f'{$BYTES/1e6:.1f}')") MB"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "- machine: $CORES cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/^Mem:/ {print $2}') GiB memory, $(uname -sr)"
echo "- load average before/after: see stderr; now $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- oauth-lint $("$LINT" --version | awk '{print $2}') (release), hyperfine: $(command -v hyperfine >/dev/null && hyperfine --version | awk '{print $2}' || echo 'no (timing loop)'), $RUNS runs, median"
if [ "$PEERS" = 1 ]; then
  echo "- check-jsonschema $CJS_VERSION (Python $(python3 -c 'import platform; print(platform.python_version())')), ajv-cli $AJV_VERSION (ajv $AJV_LIB_VERSION, node $(node --version))"
fi
echo
echo "| command | median wall time | throughput | oauth-lint is |"
echo "|---|---:|---|---:|"
row() { printf '| %s | %.3f s | %s | %s |\n' "$1" "$(t "$2")" "$(rate "$2")" "$3"; }
row "oauth-lint check (full lint)" oauth-lint "—"
row "parse floor (serde_json, all cores)" parse-floor "$(ratio oauth-lint parse-floor) the floor's time"
if [ "$PEERS" = 1 ]; then
  row "check-jsonschema (schema only, 1 process)" check-jsonschema "$(ratio check-jsonschema oauth-lint) faster"
  row "check-jsonschema (schema only, $CORES processes)" check-jsonschema-all-cores "$(ratio check-jsonschema-all-cores oauth-lint) faster"
  row "ajv-cli + ajv-formats (schema only, 1 process)" ajv-cli "$(ratio ajv-cli oauth-lint) faster"
  row "ajv-cli + ajv-formats (schema only, $CORES processes)" ajv-cli-all-cores "$(ratio ajv-cli-all-cores oauth-lint) faster"
fi
echo
echo "Single document, whole process (median of $LAT_RUNS runs):"
echo
printf -- '- /bin/true: %.2f ms\n' "$(cat "$WORK/l.true")"
printf -- '- oauth-lint check one server document (google-wellknown-2024, full report): %.2f ms\n' "$(cat "$WORK/l.one-server")"
printf -- '- oauth-lint check one client document (obuk-dcr-response-aspsp): %.2f ms\n' "$(cat "$WORK/l.one-client")"
if [ "$MEMORY" = 1 ]; then
  echo
  echo "Peak resident memory of oauth-lint check (/usr/bin/time -v):"
  echo
  echo "- one document: ${RSS_ONE} KB"
  echo "- $N documents: ${RSS_N} KB"
  echo "- $(( N * 10 )) documents (one directory): ${RSS_BIG} KB"
  echo "- $(( N * 10 )) documents (directories of 1,000): ${RSS_SPREAD} KB"
fi
