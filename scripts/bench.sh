#!/usr/bin/env bash
# Whole-process benchmarks for BENCHMARKS.md: each attest-tui figure in one hyperfine run with
# its peer (ripgrep, jq, fzf), then peak memory. Needs hyperfine, ripgrep, jq, fzf and GNU time
# (Debian: apt-get install -y ripgrep fzf jq hyperfine time).
#
#   scripts/bench.sh [CORPUS] [WORK]     defaults: ../shared/corpus/zh-CN /tmp/attest-bench
#
# Results go to WORK/*.md (hyperfine's markdown) and WORK/*.json, and every figure of the run,
# with the command that measured it, the commit and the date, to WORK/results.md, which
# BENCHMARKS.md quotes. Nothing else is written into the repository. The corpus is only read.
set -euo pipefail
corpus=${1:-../shared/corpus/zh-CN}
work=${2:-/tmp/attest-bench}
runs=${RUNS:-10}
mkdir -p "$work"
cargo build --release --features synth --bin attest-tui --example gen_catalog --example bench --example bench_tenant
bin=$PWD/target/release/attest-tui
[ -s "$work/10k.json" ] || target/release/examples/gen_catalog 10000 42 >"$work/10k.json"
# The same apps as a catalog written before rows had question keys: every load keys them.
[ -s "$work/10k-unkeyed.json" ] || target/release/examples/gen_catalog 10000 42 --unkeyed >"$work/10k-unkeyed.json"
# Keep attest-tui away from the user's own data and cache.
export ATTEST_TUI_DATA_DIR="$work/data" XDG_CACHE_HOME="$work/cache" XDG_CONFIG_HOME="$work/config"
hf() {
    local name=$1
    shift
    hyperfine --warmup 2 --runs "$runs" --export-markdown "$work/$name.md" \
        --export-json "$work/$name.json" "$@"
}
results=$work/results.md
{
    echo "# scripts/bench.sh $corpus $work"
    echo
    echo "commit $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with local changes)'), $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
} >"$results"
# Appends one line of results: what was run and what it gave.
record() { printf -- '- `%s`: %s\n' "$1" "$2" >>"$results"; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

hf import \
    -n "attest-tui import" "$bin import $corpus -o $work/corpus.json" \
    -n "rg -l" "rg -l Directory.ReadWrite.All $corpus"

hits=$("$bin" list --catalog "$work/10k.json" --search contac | tail -n +2 | wc -l)
record "attest-tui list --catalog 10k.json --search contac | tail -n +2 | wc -l" "$hits hits"
peer_hits=$(jq -r '.apps[].name' "$work/10k.json" | fzf --filter contac | wc -l)
record "jq -r '.apps[].name' 10k.json | fzf --filter contac | wc -l" "$peer_hits hits"
hf search \
    -n "attest-tui list --search" "$bin list --catalog $work/10k.json --search contac" \
    -n "jq | fzf --filter" "jq -r '.apps[].name' $work/10k.json | fzf --filter contac"

hf load \
    -n "attest-tui list --filter id:nothing" "$bin list --catalog $work/10k.json --filter id:nothing" \
    -n "the same, catalog without question keys" "$bin list --catalog $work/10k-unkeyed.json --filter id:nothing" \
    -n "jq '.apps|length'" "jq '.apps|length' $work/10k.json"

# Re-opening an imported folder: cold (no cache: import and write it) against warm (cached).
rm -rf "$work/warm"
XDG_CACHE_HOME="$work/warm" "$bin" list --catalog "$corpus" --filter id:nothing >/dev/null
hf reopen --prepare "rm -rf $work/cold" \
    -n "cold: import on the fly" "XDG_CACHE_HOME=$work/cold $bin list --catalog $corpus --filter id:nothing" \
    -n "warm: from the import cache" "XDG_CACHE_HOME=$work/warm $bin list --catalog $corpus --filter id:nothing"

size=$(stat -c %s "$work/10k.json")
record "stat -c %s 10k.json" "$size bytes"
for _ in 1 2 3; do
    /usr/bin/time -o "$work/time.txt" -f "%M" "$bin" list --catalog "$work/10k.json" --filter id:nothing >/dev/null
    kb=$(cat "$work/time.txt")
    record "/usr/bin/time -f %M attest-tui list --catalog 10k.json --filter id:nothing" \
        "$kb KiB peak RSS = $(awk -v k="$kb" -v s="$size" 'BEGIN { printf "%.2f", k * 1024 / s }')x the file"
done
for _ in 1 2 3; do
    /usr/bin/time -o "$work/time.txt" -f "%M" jq '.apps|length' "$work/10k.json" >/dev/null
    kb=$(cat "$work/time.txt")
    record "/usr/bin/time -f %M jq '.apps|length' 10k.json" \
        "$kb KiB peak RSS = $(awk -v k="$kb" -v s="$size" 'BEGIN { printf "%.2f", k * 1024 / s }')x the file"
done
for name in import search load reopen; do
    jq -r --arg n "$name" '.results[] | "- `\(.command)` (\($n)): median \(.median * 1000 | floor) ms over \(.times | length) runs"' \
        "$work/$name.json" >>"$results"
done
# In process: catalog load, import, first frame, keystrokes (examples/bench.rs), and the
# tenant join (examples/bench_tenant.rs); their output is quoted as printed.
{
    echo
    echo '`cargo run --release --features synth --example bench -- --catalog 10k.json --corpus '"$corpus"'`:'
    echo
    echo '```'
    target/release/examples/bench --catalog "$work/10k.json" --corpus "$corpus"
    echo '```'
    echo
    echo '`cargo run --release --features synth --example bench_tenant -- --corpus '"$corpus"'`:'
    echo
    echo '```'
    target/release/examples/bench_tenant --corpus "$corpus"
    echo '```'
    echo
} >>"$results"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results"
echo "figures written to $results"
