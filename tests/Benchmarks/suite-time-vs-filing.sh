#!/usr/bin/env bash
# Issue 12's suite-time check, on one machine in one sitting: the whole suite of the commit the issue was filed
# against, today's whole suite, and today's code running only the tests that existed then (same test methods; a
# class split since is followed by its method name). Each run is `CI=true bash .ci/run` on a fresh clone, so
# restore and build are included. Prints figures only. Takes about a quarter of an hour on 2 cores.
#   tests/Benchmarks/suite-time-vs-filing.sh [base commit=8a7ee90] [current commit=HEAD]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
base_commit="${1:-8a7ee90}"
current_commit="$(git -C "$root" rev-parse --short "${2:-HEAD}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# run NAME COMMIT [dotnet test arguments]: a fresh clone at COMMIT, the CI entry point, its TRX files kept in $work/NAME.
run() {
    local name="$1" commit="$2"
    shift 2
    git clone -q "$root" "$work/$name"
    git -C "$work/$name" checkout -q "$commit"
    local started
    started=$(date +%s)
    (cd "$work/$name" && CI=true bash .ci/run "$@" >"$work/$name.log" 2>&1) || {
        echo "$name ($commit): the suite failed; see the end of its log:" >&2
        tail -n 30 "$work/$name.log" >&2
        exit 1
    }
    echo $(($(date +%s) - started)) >"$work/$name.seconds"
}

run base "$base_commit"
run current "$current_commit"

# Today's names of the test methods the base commit had.
python3 - "$work" >"$work/filter.txt" <<'EOF'
import glob, sys, collections, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
def methods(run):
    found = collections.defaultdict(set)
    for trx in glob.glob(f"{sys.argv[1]}/{run}/TestResults/*.trx"):
        for test in ET.parse(trx).getroot().iterfind(".//t:TestMethod", ns):
            found[test.get("name")].add(test.get("className") + "." + test.get("name"))
    return found
base, current = methods("base"), methods("current")
current_names = set().union(*current.values())
chosen, lost = set(), []
for method, names in base.items():
    for name in names:
        if name in current_names:
            chosen.add(name)
        elif len(current.get(method, ())) == 1:
            chosen.update(current[method])  # moved to another class (e.g. a …FreshPortalTests split)
        else:
            lost.append(name)
for name in lost:
    print(f"not found today (renamed or removed): {name}", file=sys.stderr)
print("|".join(f"FullyQualifiedName={name}" for name in sorted(chosen)))
EOF
run then-tests "$current_commit" --filter "$(cat "$work/filter.txt")"

# One row per run: tests and seconds per layer (from the TRX <Times>), and the whole run's wall time.
python3 - "$work" "$base_commit" "$current_commit" <<'EOF'
import glob, re, sys, xml.etree.ElementTree as ET
from datetime import datetime
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
work, base, current = sys.argv[1:4]
def when(text):
    return datetime.fromisoformat(re.sub(r"(\.\d{6})\d+", r"\1", text))
print(f"{'run':<44} {'tests':>6} {'wall':>7} {'unit':>12} {'integration':>14} {'browser':>12}")
for run, label in [("base", f"{base}: its whole suite"), ("current", f"{current}: its whole suite"), ("then-tests", f"{current}: only the tests {base} had")]:
    layers, total = {}, 0
    for trx in sorted(glob.glob(f"{work}/{run}/TestResults/*.trx")):
        root = ET.parse(trx).getroot()
        times = root.find("t:Times", ns)
        count = int(root.find("t:ResultSummary/t:Counters", ns).get("total"))
        seconds = (when(times.get("finish")) - when(times.get("start"))).total_seconds()
        layers[trx.rsplit(".", 2)[-2]] = f"{count} in {seconds:.0f} s"
        total += count
    wall = int(open(f"{work}/{run}.seconds").read())
    print(f"{label:<44} {total:>6} {wall // 60:>3}:{wall % 60:02d} {layers.get('Unit', '-'):>12} {layers.get('Integration', '-'):>14} {layers.get('Browser', '-'):>12}")
EOF
