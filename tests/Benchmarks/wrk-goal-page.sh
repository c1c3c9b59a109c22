#!/usr/bin/env bash
# Throughput of a goal page against a static file of the same size served by the same
# process, with wrk (Debian package `wrk`). Prints wrk's figures; asserts nothing.
#
#   tests/Benchmarks/wrk-goal-page.sh [goal path] [connections] [seconds]
#
# The site is published (Release) from a temporary copy of the repository whose wwwroot
# also holds bench/goal-page.html: the goal page's own HTML, byte for byte, so the two
# URLs differ only in how they are produced. Runs in Production on SQLite, 127.0.0.1 only.
set -euo pipefail

goal_path="${1:-/seisaku-kikaku/r6/sogo-keikaku/}"
connections="${2:-64}"
seconds="${3:-10}"
port="${BENCH_PORT:-5097}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d /tmp/ueda-bench-XXXXXX)"

command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 1; }

# shellcheck source=published-portal.sh
source "$repo/tests/Benchmarks/published-portal.sh"
trap portal_cleanup EXIT

portal_publish
portal_start
mkdir -p "$work/src/site/wwwroot/bench"
curl -sf "http://127.0.0.1:$port$goal_path" -o "$work/src/site/wwwroot/bench/goal-page.html"
portal_stop
portal_publish
portal_start

page_bytes=$(curl -s -o /dev/null -w '%{size_download}' "http://127.0.0.1:$port$goal_path")
static_bytes=$(curl -s -o /dev/null -w '%{size_download}' "http://127.0.0.1:$port/bench/goal-page.html")
echo "goal page   $goal_path: $page_bytes bytes"
echo "static file /bench/goal-page.html: $static_bytes bytes"
echo "machine: $(nproc) cores; wrk and the site share them"

for url in "$goal_path" /bench/goal-page.html; do
    # Warm up (read model, output cache, JIT), then measure.
    wrk -t2 -c"$connections" -d2s "http://127.0.0.1:$port$url" >/dev/null
    echo
    echo "== wrk -t2 -c$connections -d${seconds}s http://127.0.0.1:$port$url"
    wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$port$url"
done
