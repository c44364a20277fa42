#!/usr/bin/env bash
# Time and peak memory of each report format on a corpus, for one or more builds.
#
# usage: scripts/bench-formats.sh [-r RUNS] [-d CORPUS_DIR] [BINARY...]
#
#   -r RUNS   runs per format and binary; medians are reported, memory is the largest (default 5)
#   -d DIR    the corpus (default /tmp/bc10k, built with `bench-compare.sh --corpus-only` if missing)
#   BINARY    builds to compare (default target/release/oauth-lint); with two or more, the outputs
#             of each format are compared byte for byte with the first binary's
#
# Each run is `/usr/bin/time BINARY check --isolated --format F DIR > FILE`, as a user redirects a
# report. Prints a markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=5
CORPUS=/tmp/bc10k
while [[ $# -gt 0 ]]; do
  case "$1" in
    -r) RUNS="$2"; shift 2 ;;
    -d) CORPUS="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) break ;;
  esac
done
BINARIES=("$@")
[[ ${#BINARIES[@]} -gt 0 ]] || { cargo build --release --quiet; BINARIES=(target/release/oauth-lint); }
[[ -d "$CORPUS" ]] || scripts/bench-compare.sh --corpus-only "$CORPUS"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

echo "corpus: $CORPUS ($(find "$CORPUS" -type f | wc -l) files), $RUNS runs each"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| binary | format | median wall | median user+sys | peak RSS | output |"
echo "|---|---|---:|---:|---:|---:|"
for format in concise json sarif junit; do
  for i in "${!BINARIES[@]}"; do
    bin=${BINARIES[$i]}
    : > "$WORK/times"
    for _ in $(seq "$RUNS"); do
      /usr/bin/time -o "$WORK/time" -f '%e %U %S %M' "$bin" check --isolated --format "$format" "$CORPUS" \
        > "$WORK/out.$i.$format" || [[ $? -eq 1 ]]
      tail -n 1 "$WORK/time" >> "$WORK/times"  # after "Command exited with non-zero status 1"
    done
    wall=$(awk '{ print $1 }' "$WORK/times" | median)
    cpu=$(awk '{ printf "%.2f\n", $2 + $3 }' "$WORK/times" | median)
    rss=$(awk '{ print $4 }' "$WORK/times" | sort -n | tail -1)
    size=$(stat -c %s "$WORK/out.$i.$format")
    same=""
    if [[ $i -gt 0 ]]; then
      if cmp -s "$WORK/out.0.$format" "$WORK/out.$i.$format"; then same=" (same bytes)"; else same=" (DIFFERS)"; fi
    fi
    echo "| $bin | $format | $wall s | $cpu s | $((rss / 1024)) MB | $((size / 1000000)) MB$same |"
  done
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
