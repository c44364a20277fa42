#!/usr/bin/env bash
# Runs the differential-testing peers (../shared/peers, see its README.md)
# over the real-world corpus and records one JSON line per
# (document, peer, mode).
#
# usage: scripts/peers-corpus.sh [-j JOBS] [--markdown]
#
#   (default)   run every peer over fixtures/real-world/{server,client}/*.json,
#               write docs/peers/corpus-results.jsonl, print a summary.
#               Documents that start with a UTF-8 BOM are additionally run once
#               more with the BOM removed; those lines go to
#               docs/peers/corpus-results-bom-stripped.jsonl (the peers treat a
#               BOM as invalid JSON, so this is the only way to see what they
#               think of the content).
#   --markdown  do not run anything: print the Markdown tables (per kind, per
#               document, each peer's verdict) and the rejection-reason counts
#               from the existing corpus-results.jsonl.
#   -j JOBS     parallel peer processes (default: number of CPUs).
#
# What is run (peers are invoked directly, not through run-all.sh):
#   server/*.json  oidc-provider  node oidc-provider-check.mjs MINIMAL_CLIENT DOC --mode registration
#                                 (MINIMAL_CLIENT = {"redirect_uris":["https://rp.example.com/cb"]},
#                                 i.e. the README's c1-minimal, so the verdict is about DOC)
#                  authlib        authlib-check.py server DOC
#                  oauth4webapi   oauth4webapi-check.mjs DOC      (when installed)
#   client/*.json  oidc-provider  node oidc-provider-check.mjs DOC --mode registration
#                  oidc-provider  node oidc-provider-check.mjs DOC --mode static
#                  authlib        authlib-check.py client DOC
#   (no server document for the client checks: oidc-provider default config.)
#
# Each output line is the peer's own JSON line, prefixed with
#   document     path relative to the repository root
#   corpus_kind  server | client
#   check        server | client-registration | client-static | client
# and followed by exit_code (no timings: re-runs give identical files). A peer that prints nothing usable
# (crash, timeout, not installed) gets a synthesized line with "valid":null,
# "error":"harness_error"; the run continues.
#
# Env: PEERS_DIR (default /tmp/peers, made by setup.sh), PEERS_SHARED (default
# the directory of the peer scripts, /work/shared/peers), PEER_TIMEOUT seconds
# per peer call (default 120). No network is used: run setup.sh first.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PEERS_DIR="${PEERS_DIR:-/tmp/peers}"
PEERS_SHARED="${PEERS_SHARED:-$ROOT/../shared/peers}"
PEER_TIMEOUT="${PEER_TIMEOUT:-120}"
CORPUS_REL="${PEERS_CORPUS:-fixtures/real-world}"        # relative to the repo root
OUT_DIR="${PEERS_CORPUS_OUT_DIR:-$ROOT/docs/peers}"
OUT="$OUT_DIR/corpus-results.jsonl"
OUT_BOM="$OUT_DIR/corpus-results-bom-stripped.jsonl"
PY="$PEERS_DIR/venv/bin/python"
export PEERS_DIR PEERS_SHARED PEER_TIMEOUT PY ROOT

JOBS="$(nproc 2>/dev/null || echo 2)"
MARKDOWN=0
# internal entry point used by xargs for one task
if [ "${1:-}" = "__task" ]; then shift; MODE_TASK=1; else MODE_TASK=0; fi

# ---------------------------------------------------------------- one task
# __task IDX VARIANT KIND CHECK DOC_REL INPUT_PATH   (scratch dir in $WORK)
run_task() {
  local idx="$1" variant="$2" kind="$3" check="$4" doc="$5" input="$6" work="$WORK"
  local peer cmd=()
  case "$check" in
    server:oidc-provider)  peer=oidc-provider; cmd=(node "$PEERS_SHARED/oidc-provider-check.mjs" "$work/minimal-client.json" "$input" --mode registration) ;;
    server:authlib)        peer=authlib;       cmd=("$PY" "$PEERS_SHARED/authlib-check.py" server "$input") ;;
    server:oauth4webapi)   peer=oauth4webapi;  cmd=(node "$PEERS_SHARED/oauth4webapi-check.mjs" "$input") ;;
    client-registration:oidc-provider) peer=oidc-provider; cmd=(node "$PEERS_SHARED/oidc-provider-check.mjs" "$input" --mode registration) ;;
    client-static:oidc-provider)       peer=oidc-provider; cmd=(node "$PEERS_SHARED/oidc-provider-check.mjs" "$input" --mode static) ;;
    client:authlib)        peer=authlib;       cmd=("$PY" "$PEERS_SHARED/authlib-check.py" client "$input") ;;
    *) echo "peers-corpus.sh: unknown check $check" >&2; return 0 ;;
  esac
  local label="${check%%:*}"
  local so="$work/raw/$idx.out" se="$work/raw/$idx.err" rc=0
  timeout "$PEER_TIMEOUT" "${cmd[@]}" >"$so" 2>"$se" </dev/null || rc=$?
  local first
  first="$(grep -m1 -E '^[[:space:]]*\{' "$so" || true)"
  local meta
  meta=$(jq -nc --arg d "$doc" --arg k "$kind" --arg c "$label" --arg v "$variant" \
    '{document:$d, corpus_kind:$k, check:$c} + (if $v == "as-is" then {} else {variant:$v} end)')
  if [ -n "$first" ] && printf '%s' "$first" | jq -e 'type == "object"' >/dev/null 2>&1; then
    printf '%s' "$first" | jq -c --argjson m "$meta" --argjson rc "$rc" \
      '$m + . + {exit_code:$rc}' >"$work/res/$idx.json"
  else
    local why="no JSON line on stdout; exit $rc"
    [ "$rc" = 124 ] && why="timeout after ${PEER_TIMEOUT}s"
    local tail_err
    tail_err="$( (tail -c 600 "$se"; tail -c 300 "$so") 2>/dev/null | tr '\n' ' ')"
    jq -nc --argjson m "$meta" --arg p "$peer" --arg w "$why" --arg e "$tail_err" \
      --argjson rc "$rc" \
      '$m + {peer:$p, valid:null, error:"harness_error", error_description:($w + (if $e != "" then ": " + $e else "" end)), synthesized:true, exit_code:$rc}' \
      >"$work/res/$idx.json"
  fi
}

if [ "$MODE_TASK" = 1 ]; then run_task "$@"; exit 0; fi

while [ $# -gt 0 ]; do
  case "$1" in
    -j) JOBS="$2"; shift 2 ;;
    -j*) JOBS="${1#-j}"; shift ;;
    --markdown) MARKDOWN=1; shift ;;
    -h|--help) sed -n '2,40p' "$0"; exit 0 ;;
    *) echo "usage: $0 [-j JOBS] [--markdown]" >&2; exit 2 ;;
  esac
done

command -v jq >/dev/null || { echo "peers-corpus.sh: jq is required" >&2; exit 2; }

# ------------------------------------------------------- summary / markdown
report() { # report MODE FILE [TITLE]   (MODE: summary | markdown | markdown-tables)
  "$REPORT_PY" - "$@" <<'PY'
import json, sys, collections
mode, path = sys.argv[1], sys.argv[2]
rows = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
COLS = {
    "server": [("server", "oidc-provider", "oidc-provider (minimal client + doc)"),
               ("server", "authlib", "authlib server"),
               ("server", "oauth4webapi", "oauth4webapi")],
    "client": [("client-registration", "oidc-provider", "oidc-provider registration"),
               ("client-static", "oidc-provider", "oidc-provider static"),
               ("client", "authlib", "authlib client")],
}
def verdict(r):
    if r is None: return "n/a"
    if r.get("valid") is True: return "valid"
    if r.get("valid") is False: return "invalid"
    return "harness_error"
def short(s, n=110):
    s = " ".join(str(s or "").split()).replace("\ufeff", "[U+FEFF]")
    return s if len(s) <= n else s[: n - 1] + "…"
def cell(r):
    v = verdict(r)
    if v == "valid":
        extra = ""
        if r.get("unmapped"): extra = f" (unmapped: {len(r['unmapped'])})"
        return "valid" + extra
    if v == "n/a": return "–"
    if v == "harness_error": return "**HARNESS ERROR**: " + short(r.get("error_description"), 90).replace("|", "\\|")
    stage = r.get("stage")
    if r.get("error") == "unsupported_configuration":
        head = "**unsupported_configuration**"   # oidc-provider could not be configured: no verdict
    elif stage == "client" and r.get("corpus_kind") == "server":
        head = "**invalid** (minimal client)"     # the doc's Provider refused the README's c1 client
    else:
        head = "**invalid**" + (f" ({stage})" if stage in ("input", "server") else "")
    return f"{head}: " + short(r.get("error_description")).replace("|", "\\|")
def reason(r):
    d = " ".join(str(r.get("error_description") or "").split())
    if r.get("stage") == "input":
        # parse errors carry a position; keep only the first clause
        if "BOM" in d or "\ufeff" in d: return "input: not valid JSON (UTF-8 BOM)"
        return "input: not valid JSON"
    return f"{r.get('stage') or '?'}: {r.get('error')}: {short(d, 140)}"
by = collections.defaultdict(dict)
for r in rows:
    by[(r["corpus_kind"], r["document"])][(r["check"], r["peer"])] = r

KINDS = [k for k in ("server", "client") if any(kk == k for kk, _ in by)]
if mode == "summary":
    print(f"{len(rows)} result lines")
    for kind in KINDS:
        docs = sorted(d for k, d in by if k == kind)
        print(f"\n{kind}: {len(docs)} documents")
        for check, peer, label in COLS[kind]:
            c = collections.Counter(verdict(by[(kind, d)].get((check, peer))) for d in docs)
            print(f"  {label:40s} valid {c['valid']:3d}  invalid {c['invalid']:3d}  harness_error {c['harness_error']:3d}  n/a {c['n/a']:3d}")
    herr = [r for r in rows if r.get("valid") is None]
    if herr:
        print(f"\nharness errors ({len(herr)}):")
        for r in herr[:25]:
            print(f"  {r['document']} {r['peer']} {r['check']}: {short(r.get('error_description'), 160)}")
        if len(herr) > 25: print(f"  … and {len(herr) - 25} more (see the .jsonl)")
    sys.exit(0)

# markdown (mode "markdown" = full report; "markdown-tables" = tables and counts only)
for kind in KINDS:
    docs = sorted(d for k, d in by if k == kind)
    cols = COLS[kind]
    print(f"\n### {kind} documents ({len(docs)}){' — ' + sys.argv[3] if len(sys.argv) > 3 else ''}\n")
    print("| document | " + " | ".join(c[2] for c in cols) + " |")
    print("|---" * (len(cols) + 1) + "|")
    for d in docs:
        name = d.rsplit("/", 1)[-1]
        print(f"| `{name}` | " + " | ".join(cell(by[(kind, d)].get((c[0], c[1]))) for c in cols) + " |")
    print("\nCounts:\n")
    print("| peer / mode | valid | invalid | of which stage=input | of which unsupported_configuration | harness error |")
    print("|---|---|---|---|---|---|")
    for check, peer, label in cols:
        rs = [by[(kind, d)].get((check, peer)) for d in docs]
        c = collections.Counter(verdict(r) for r in rs)
        ni = sum(1 for r in rs if r and r.get("stage") == "input")
        nu = sum(1 for r in rs if r and r.get("error") == "unsupported_configuration")
        print(f"| {label} | {c['valid']} | {c['invalid']} | {ni} | {nu} | {c['harness_error']} |")
if mode == "markdown-tables":
    sys.exit(0)
print("\n## Distinct rejection reasons per peer\n")
for kind in KINDS:
    for check, peer, label in COLS[kind]:
        rs = [r for r in rows if r["corpus_kind"] == kind and r["check"] == check and r["peer"] == peer and r.get("valid") is False]
        if not rs: continue
        print(f"\n**{label}** ({kind} documents, {len(rs)} rejections)\n")
        print("| count | reason |")
        print("|---|---|")
        for reason_s, n in collections.Counter(reason(r) for r in rs).most_common():
            print(f"| {n} | {reason_s.replace('|', chr(92) + '|')} |")
PY
}

REPORT_PY="$PY"; [ -x "$REPORT_PY" ] || REPORT_PY="$(command -v python3)"

if [ "$MARKDOWN" = 1 ]; then
  [ -s "$OUT" ] || { echo "peers-corpus.sh: $OUT missing; run without --markdown first" >&2; exit 2; }
  report markdown "$OUT"
  if [ -s "$OUT_BOM" ]; then
    echo
    echo "## Re-run with the UTF-8 BOM removed (${OUT_BOM#"$ROOT"/})"
    report markdown-tables "$OUT_BOM" "BOM removed"
  fi
  exit 0
fi

# ------------------------------------------------------------ preconditions
[ -f "$PEERS_SHARED/oidc-provider-check.mjs" ] || { echo "peers-corpus.sh: peer scripts not found in $PEERS_SHARED" >&2; exit 2; }
if [ ! -x "$PY" ] || [ ! -d "$PEERS_DIR/node/node_modules/oidc-provider" ]; then
  echo "peers-corpus.sh: peers not installed in $PEERS_DIR; run $PEERS_SHARED/setup.sh (this script does not install anything)" >&2
  exit 2
fi
HAVE_O4W=0; [ -d "$PEERS_DIR/node/node_modules/oauth4webapi" ] && HAVE_O4W=1

WORK="$(mktemp -d "${TMPDIR:-/tmp}/peers-corpus.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/raw" "$WORK/res" "$WORK/bom/server" "$WORK/bom/client"
printf '{"redirect_uris":["https://rp.example.com/cb"]}\n' > "$WORK/minimal-client.json"

# ---------------------------------------------------------------- task list
TASKS="$WORK/tasks.tsv"
: > "$TASKS"
n=0
add() { # add VARIANT KIND CHECK DOC_REL INPUT
  n=$((n + 1)); printf '%05d\t%s\t%s\t%s\t%s\t%s\n' "$n" "$@" >> "$TASKS"
}
checks_for() {
  case "$1" in
    server) echo "server:oidc-provider server:authlib"; [ "$HAVE_O4W" = 1 ] && echo "server:oauth4webapi" ;;
    client) echo "client-registration:oidc-provider client-static:oidc-provider client:authlib" ;;
  esac
}
ndocs=0; nbom=0
for kind in server client; do
  for f in "$ROOT/$CORPUS_REL/$kind"/*.json; do
    [ -f "$f" ] || continue
    rel="$CORPUS_REL/$kind/$(basename "$f")"
    ndocs=$((ndocs + 1))
    for c in $(checks_for "$kind"); do add as-is "$kind" "$c" "$rel" "$f"; done
    if [ "$(head -c 3 "$f" | od -An -tx1 | tr -d ' \n')" = "efbbbf" ]; then
      nbom=$((nbom + 1))
      stripped="$WORK/bom/$kind/$(basename "$f")"
      tail -c +4 "$f" > "$stripped"
      for c in $(checks_for "$kind"); do add bom-stripped "$kind" "$c" "$rel" "$stripped"; done
    fi
  done
done

echo "peers-corpus.sh: $ndocs documents ($nbom with a UTF-8 BOM, also run BOM-stripped), $n peer calls, $JOBS parallel" >&2
start=$(date +%s)
export WORK
tr '\t' '\n' < "$TASKS" | xargs -d '\n' -n 6 -P "$JOBS" bash "$0" __task || true
end=$(date +%s)

# ------------------------------------------------------------ collect lines
mkdir -p "$OUT_DIR"
: > "$WORK/main.jsonl"; : > "$WORK/bom.jsonl"
while IFS=$'\t' read -r idx variant kind check doc input; do
  res="$WORK/res/$idx.json"
  if [ ! -s "$res" ]; then # the task itself died: still record it
    jq -nc --arg d "$doc" --arg k "$kind" --arg c "${check%%:*}" --arg p "${check#*:}" --arg v "$variant" \
      '{document:$d, corpus_kind:$k, check:$c} + (if $v == "as-is" then {} else {variant:$v} end)
       + {peer:$p, valid:null, error:"harness_error", error_description:"task produced no result", synthesized:true}' > "$res"
  fi
  if [ "$variant" = as-is ]; then cat "$res" >> "$WORK/main.jsonl"; else cat "$res" >> "$WORK/bom.jsonl"; fi
done < "$TASKS"
mv "$WORK/main.jsonl" "$OUT"
if [ -s "$WORK/bom.jsonl" ]; then mv "$WORK/bom.jsonl" "$OUT_BOM"; else rm -f "$OUT_BOM"; fi

echo "peers-corpus.sh: done in $((end - start)) s; wrote ${OUT#"$ROOT"/}$([ -f "$OUT_BOM" ] && echo " and ${OUT_BOM#"$ROOT"/}")"
report summary "$OUT"
if [ -f "$OUT_BOM" ]; then
  echo
  echo "BOM-stripped re-run ($(wc -l < "$OUT_BOM") lines):"
  report summary "$OUT_BOM" | sed -n '2,$p'
fi
