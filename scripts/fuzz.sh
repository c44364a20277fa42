#!/usr/bin/env bash
# Runs the cargo-fuzz targets one at a time, with a single worker each (the machine is shared).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# SECONDS: how long each target runs (default 600); a target also stops after 10 million
# executions. TARGETs: default all four. Seed corpora are (re)built from fixtures/ into
# fuzz/corpus/<target>/ (kept between runs, not committed); findings land in
# fuzz/artifacts/<target>/, logs in fuzz/logs/<target>.log, and the last lines of each log (the
# execution count and duration) are printed at the end.
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a C++ compiler. The project toolchain is stable:
# RUSTC_BOOTSTRAP=1 lets it take the nightly-only flags cargo-fuzz passes (-Zsanitizer=address,
# coverage instrumentation). See docs/reliability.md.
set -euo pipefail

seconds="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(parse_differential lint_document lint_pair config_parse)
fi
runs="${FUZZ_RUNS:-10000000}"

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export RUSTC_BOOTSTRAP=1

# --- seed corpora from fixtures/ ---------------------------------------------------------------
seed() {
    python3 - "$root" <<'EOF'
import os, sys, glob, json, hashlib, struct
root = sys.argv[1]
fixtures = os.path.join(root, "fixtures")
corpus = os.path.join(root, "fuzz", "corpus")

def put(target, data):
    d = os.path.join(corpus, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)

def kind_selector(path):
    name = os.path.basename(path)
    if name.endswith(".client.json") or "/clients/" in path or "/client/" in path:
        return 0
    if name.endswith(".discovery.json") or name in ("openid-configuration", "oauth-authorization-server") or "/server/" in path:
        return 1
    if name.endswith(".jwks.json") or name == "jwks.json" or "/jwks/" in path:
        return 2
    if name.endswith(".resource.json") or name == "oauth-protected-resource" or "/resource/" in path:
        return 3
    return 4

documents = []
for dirpath, _, files in os.walk(fixtures):
    for name in sorted(files):
        if name.endswith(".expected") or name.endswith(".md") or name == "LICENSE":
            continue
        path = os.path.join(dirpath, name)
        with open(path, "rb") as f:
            documents.append((path, f.read()))

for path, data in documents:
    put("parse_differential", data)
    if "/jsontestsuite/" in path:
        continue
    selector = kind_selector(path)
    # Forced kind (0x40) and, for every other document, all profiles (0x80).
    flags = 0x40 | (0x80 if int(hashlib.sha1(data).hexdigest(), 16) % 2 else 0)
    put("lint_document", bytes([selector | flags]) + data)

# Client/server pairs: each client fixture of a cross-check directory with each server beside it.
for d in sorted(glob.glob(os.path.join(fixtures, "rules", "XCS*"))) + [os.path.join(fixtures, "examples")]:
    files = []
    for dirpath, _, names in os.walk(d):
        files += [os.path.join(dirpath, n) for n in names]
    clients = [f for f in files if kind_selector(f) == 0]
    servers = [f for f in files if kind_selector(f) == 1]
    for c in clients:
        for s in servers:
            client = open(c, "rb").read()
            server = open(s, "rb").read()
            if len(client) < 65536:
                put("lint_pair", struct.pack("<H", len(client)) + bytes([1]) + client + server)

for path in glob.glob(os.path.join(root, "fuzz", "seeds", "config", "*.toml")):
    put("config_parse", open(path, "rb").read())
EOF
}
seed

mkdir -p fuzz/logs
# Build every target once (release, debug assertions on, AddressSanitizer), then run the binaries:
# editing the sources during a long run does not rebuild anything half-way.
cargo fuzz build -a >fuzz/logs/build.log 2>&1 || { tail -20 fuzz/logs/build.log; exit 1; }
bin_dir="fuzz/target/x86_64-unknown-linux-gnu/release"
for target in "${targets[@]}"; do
    dict=()
    if [ "$target" != config_parse ]; then
        dict=(-dict=fuzz/json.dict)
    fi
    # Inputs past a few KiB only slow the search down (every check is at least linear).
    case "$target" in
        parse_differential | config_parse) max_len=4096 ;;
        *) max_len=16384 ;;
    esac
    mkdir -p "fuzz/artifacts/$target"
    echo "== $target: ${seconds}s or ${runs} executions, one worker"
    start=$(date +%s)
    status=0
    "$bin_dir/$target" "fuzz/corpus/$target" \
        -artifact_prefix="fuzz/artifacts/$target/" \
        -max_total_time="$seconds" -runs="$runs" -max_len="$max_len" \
        -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 "${dict[@]}" \
        >"fuzz/logs/$target.log" 2>&1 || status=$?
    end=$(date +%s)
    echo "   exit $status after $((end - start)) s; $(grep -E 'stat::number_of_executed_units' "fuzz/logs/$target.log" | tail -1)"
    if [ "$status" -ne 0 ]; then
        grep -E 'ERROR|panicked|artifact|SUMMARY' "fuzz/logs/$target.log" | head -5 || true
    fi
done
