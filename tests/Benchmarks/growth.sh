#!/usr/bin/env bash
# Growth benchmark (issue 12 part 7): content at ~4, 1,000 and 5,000 goals (the seed's shape, varied), the
# portal started on each (Release, Production, SQLite, 127.0.0.1), and printed: start-up time to the first
# page, RSS, bytes and req/s of the home, department and goal pages, the backoffice content tree and structure page (bytes, ms), and the time of one publish through
# the editor until the public page, search, API and goals.csv show it, with the ratio to the first size.
# Memory is read after a full GC (induced by dotnet-gcdump) once the publish path is warm and again after
# BENCH_PUBLISHES (100) more publishes: the two levels show whether publishing grows the process.
# Prints figures; asserts nothing.
#
#   tests/Benchmarks/growth.sh [sizes…]        (default: 4 1000 5000; BENCH_PORT, BENCH_LOAD_SECONDS, BENCH_PUBLISHES,
#                                               BENCH_START_MINUTES, BENCH_ENVIRONMENT, BENCH_SERVER_LOG, BENCH_SMAPS)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d /tmp/ueda-growth-XXXXXX)"
trap 'rm -rf "$work"' EXIT

# The diagnostics tools, pinned, from NuGet into a cache folder (once): dotnet-gcdump induces the full GCs,
# dotnet-counters reads the GC's own view of the heap.
tools="${BENCH_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/uedapublicgoals-benchmark-tools}"
for tool in dotnet-gcdump dotnet-counters; do
    [[ -x "$tools/$tool" ]] || dotnet tool install "$tool" --version 10.0.750501 --tool-path "$tools" >/dev/null
done
export BENCH_GCDUMP="${BENCH_GCDUMP:-$tools/dotnet-gcdump}" BENCH_COUNTERS="${BENCH_COUNTERS:-$tools/dotnet-counters}"

dotnet publish "$repo/site" -c Release -o "$work/pub" --nologo -v quiet >/dev/null
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(4 1000 5000)
dotnet run -c Release --project "$repo/tests/Benchmarks/GrowthBenchmark" -- "$work/pub" "$repo/content-seed" "${sizes[@]}"
