#!/usr/bin/env bash
# Lighthouse (mobile: Moto G-class screen, simulated slow 4G and CPU) on the published portal.
# Prints the four category scores and the bytes of each page; asserts nothing.
#
#   tests/Benchmarks/lighthouse.sh
#
# Pages: home, a goal page, the same goal page with ふりがな, and the comment form.
# Lighthouse is npm's lighthouse 12.2.3 (13 needs Node 22), pinned in lighthouse/package.json
# and installed there with npm ci on first use; Chrome is Debian's chromium (CHROME_PATH).
set -euo pipefail

port="${BENCH_PORT:-5099}"
goal="${GOAL_PATH:-/seisaku-kikaku/r6/sogo-keikaku/}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$repo/tests/Benchmarks/lighthouse"
work="$(mktemp -d /tmp/ueda-lighthouse-XXXXXX)"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"

# shellcheck source=published-portal.sh
source "$repo/tests/Benchmarks/published-portal.sh"
trap portal_cleanup EXIT

[[ -x "$CHROME_PATH" ]] || { echo "chromium not found at $CHROME_PATH: apt-get install chromium" >&2; exit 1; }
command -v node >/dev/null || { echo "node not found" >&2; exit 1; }
if [[ ! -x "$here/node_modules/.bin/lighthouse" ]]; then
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

portal_publish
portal_start

pages=(
    "home|/"
    "goal|$goal"
    "goal, furigana|$goal?furigana=on"
    "comment form|/iken/dai3ji-sogo-keikaku/"
)

echo "Lighthouse $("$here/node_modules/.bin/lighthouse" --version), mobile, $("$CHROME_PATH" --version 2>/dev/null), $(nproc) cores"
printf '%-16s %5s %5s %5s %5s %9s %9s  %s\n' page perf a11y bp seo "html B" "total B" "what is not 100"
for entry in "${pages[@]}"; do
    name="${entry%%|*}"
    path="${entry#*|}"
    report="$work/report.json"
    # Warm the read model and the output cache first, as a visitor after a publish would find it.
    curl -s -o /dev/null "http://127.0.0.1:$port$path"
    "$here/node_modules/.bin/lighthouse" "http://127.0.0.1:$port$path" \
        --quiet --output=json --output-path="$report" \
        --only-categories=performance,accessibility,best-practices,seo \
        --chrome-flags="--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update" \
        >/dev/null 2>"$work/lighthouse.log" || { cat "$work/lighthouse.log" >&2; exit 1; }
    node - "$report" "$name" <<'JS'
const fs = require('fs');
const [report, name] = process.argv.slice(2);
const lhr = JSON.parse(fs.readFileSync(report, 'utf8'));
const score = id => Math.round(lhr.categories[id].score * 100);
const requests = lhr.audits['network-requests'].details.items;
const html = requests.find(r => r.resourceType === 'Document')?.transferSize ?? 0;
const total = lhr.audits['total-byte-weight'].numericValue;
// Audits that cost points: weighted in a category and not passed.
const failing = new Set();
for (const category of Object.values(lhr.categories)) {
  for (const ref of category.auditRefs) {
    const audit = lhr.audits[ref.id];
    if (ref.weight > 0 && audit.score !== null && audit.score < 1) failing.add(ref.id);
  }
}
const pad = (s, n) => String(s).padStart(n);
console.log(`${name.padEnd(16)} ${pad(score('performance'), 5)} ${pad(score('accessibility'), 5)} ${pad(score('best-practices'), 5)} ${pad(score('seo'), 5)} ${pad(html, 9)} ${pad(Math.round(total), 9)}  ${[...failing].join(', ')}`);
JS
done
