#!/usr/bin/env bash
# The sync benchmark for BENCHMARKS.md: `attest-tui sync` of one language from a local server,
# next to `curl | tar xz` of the same archive, then the 304 re-check, then peak memory.
# Needs hyperfine, curl and GNU time (Debian: apt-get install -y hyperfine curl time).
#
#   scripts/bench_sync.sh [CORPUS] [WORK] [BYTES]   defaults: ../shared/corpus/zh-CN /tmp/attest-bench-sync 77000000
#
# The archive (the corpus pages in GitHub's layout plus incompressible filler images up to BYTES,
# the size of the real one) is built in memory by examples/sync_server; nothing is written into
# the repository.
set -euo pipefail
corpus=${1:-../shared/corpus/zh-CN}
work=${2:-/tmp/attest-bench-sync}
bytes=${3:-77000000}
runs=${RUNS:-10}
port=${PORT:-18099}
mkdir -p "$work"
cargo build --release --bin attest-tui --example sync_server
bin=$PWD/target/release/attest-tui
target/release/examples/sync_server "$corpus" zh-CN "$bytes" "$port" >"$work/server.log" &
server=$!
trap 'kill $server' EXIT
until grep -q serving "$work/server.log"; do sleep 0.2; done
cat "$work/server.log"
url="http://127.0.0.1:$port/zh-CN.tar.gz"
: >"$work/config.toml"
export ATTEST_TUI_CONFIG="$work/config.toml" ATTEST_TUI_SYNC_URL="http://127.0.0.1:$port/{lang}.tar.gz"
export XDG_CACHE_HOME="$work/cache" NO_PROXY='*'
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# First sync: download, gunzip and untar as bytes arrive, keep the pages, import, write the catalog.
hyperfine --warmup 1 --runs "$runs" --export-markdown "$work/sync.md" --export-json "$work/sync.json" \
    --prepare "rm -rf $work/data $work/untar && mkdir -p $work/untar" \
    -n "attest-tui sync (first)" "ATTEST_TUI_DATA_DIR=$work/data $bin sync --lang zh-CN" \
    -n "curl | tar xz" "curl -s $url | tar xz -C $work/untar"

# Up to date: one conditional request answered 304.
ATTEST_TUI_DATA_DIR="$work/data" "$bin" sync --lang zh-CN >/dev/null
hyperfine --warmup 2 --runs "$runs" --export-markdown "$work/recheck.md" --export-json "$work/recheck.json" \
    -n "attest-tui sync (up to date)" "ATTEST_TUI_DATA_DIR=$work/data $bin sync --lang zh-CN"

echo "peak memory (KB) and wall time:"
for _ in 1 2 3; do
    rm -rf "$work/data"
    ATTEST_TUI_DATA_DIR="$work/data" /usr/bin/time -f "sync: %M KB max RSS, %e s" "$bin" sync --lang zh-CN >/dev/null
done
for _ in 1 2 3; do
    rm -rf "$work/untar" && mkdir -p "$work/untar"
    /usr/bin/time -f "curl | tar: %M KB max RSS (largest process), %e s" sh -c "curl -s $url | tar xz -C $work/untar"
done
/usr/bin/time -f "import of the same pages: %M KB max RSS, %e s" "$bin" import "$corpus" -o "$work/corpus.json" 2>/dev/null
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
