#!/usr/bin/env bash
# What one test portal costs the machine: CPU of its start, of the seconds it keeps the process busy
# afterwards (by thread name) and of its dispose, median of N starts in one process, as the integration
# suite starts them. Prints figures only.
#   tests/Benchmarks/portal-start.sh [starts=12] [idle seconds=4]
# Extra runtime settings go in the environment, e.g. DOTNET_TieredCompilation=1 to compare.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dotnet build "$root/tests/Benchmarks/PortalStartBenchmark" -c Release -v quiet -nologo >/dev/null
# WebApplicationFactory finds the site's content root through the manifest in the working directory.
cd "$root/tests/Benchmarks/PortalStartBenchmark/bin/Release/net10.0"
dotnet PortalStartBenchmark.dll "${1:-12}" "${2:-4}" 2>&1 | grep -v -E '^(info|warn|dbug|fail): |^      '
