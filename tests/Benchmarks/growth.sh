#!/usr/bin/env bash
# Growth benchmark (issue 12 part 7): content at ~4, 1,000 and 5,000 goals (the seed's shape, varied), the
# portal started on each (Release, Production, SQLite, 127.0.0.1), and printed: start-up time to the first
# page, RSS, bytes and req/s of the home, department and goal pages, the backoffice content tree and structure page (bytes, ms), and the time of one publish through
# the editor until the public page, search, API and goals.csv show it, with the ratio to the first size.
# Prints figures; asserts nothing.
#
#   tests/Benchmarks/growth.sh [sizes…]        (default: 4 1000 5000; BENCH_PORT, BENCH_LOAD_SECONDS, BENCH_START_MINUTES, BENCH_ENVIRONMENT, BENCH_SERVER_LOG)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d /tmp/ueda-growth-XXXXXX)"
trap 'rm -rf "$work"' EXIT

dotnet publish "$repo/site" -c Release -o "$work/pub" --nologo -v quiet >/dev/null
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(4 1000 5000)
dotnet run -c Release --project "$repo/tests/Benchmarks/GrowthBenchmark" -- "$work/pub" "$repo/content-seed" "${sizes[@]}"
