#!/usr/bin/env bash
# Runs the full test suite: installs the system packages the tests need (when missing),
# restores, builds (Release) and tests the whole solution, then prints one summary line:
#   N passed, N failed[, N skipped]
#
# Usage: ./test.sh [unit|integration|browser] [extra dotnet test arguments]
#   ./test.sh                       every layer (what CI runs)
#   ./test.sh unit                  one layer: unit, integration or browser
#   ./test.sh integration --filter "FullyQualifiedName~Postgres"
#
# System packages (Debian): postgresql (a throwaway server is started by the integration
# tests), chromium (browser tests), fonts-noto-cjk (Japanese text in screenshots/PDFs),
# libmecab2 + mecab-ipadic-utf8 (MeCab readings: furigana and kana search).
# As root they are installed with apt-get; otherwise the script says what to install.
# PG_BIN=/path/to/postgresql/bin may point at another PostgreSQL server installation.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
repo_root="$(pwd)"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf 'test.sh: %s\n' "$*" >&2; }

# ---------------------------------------------------------------------------------------------
# 1. System packages
# ---------------------------------------------------------------------------------------------
have_postgresql() {
    if [[ -n "${PG_BIN:-}" && -x "${PG_BIN}/initdb" && -x "${PG_BIN}/pg_ctl" ]]; then
        return 0
    fi
    compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null
}
have_chromium() { [[ -x /usr/bin/chromium ]]; }
have_cjk_fonts() {
    dpkg -s fonts-noto-cjk >/dev/null 2>&1 && return 0
    command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'
}

have_mecab() {
    { ldconfig -p 2>/dev/null | grep -q 'libmecab\.so\.2'; } || compgen -G '/usr/lib/*/libmecab.so.2' >/dev/null || return 1
    [[ -f /var/lib/mecab/dic/debian/sys.dic || -f /var/lib/mecab/dic/ipadic-utf8/sys.dic ]]
}

missing=()
have_postgresql || missing+=(postgresql)
have_chromium || missing+=(chromium)
have_cjk_fonts || missing+=(fonts-noto-cjk)
have_mecab || missing+=(libmecab2 mecab-ipadic-utf8)

if ((${#missing[@]} > 0)); then
    if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        log "installing missing system packages: ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get -o DPkg::Lock::Timeout=300 update -qq
        apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}"
    else
        log "missing system packages: ${missing[*]}"
        log "install them first, e.g.: sudo apt-get update && sudo apt-get install -y ${missing[*]}"
        exit 1
    fi
    # Re-check, so a failed or partial install stops here with a clear message.
    still_missing=()
    have_postgresql || still_missing+=(postgresql)
    have_chromium || still_missing+=(chromium)
    have_cjk_fonts || still_missing+=(fonts-noto-cjk)
    have_mecab || still_missing+=(libmecab2 mecab-ipadic-utf8)
    if ((${#still_missing[@]} > 0)); then
        log "still missing after apt-get install: ${still_missing[*]}"
        exit 1
    fi
fi

if ! command -v dotnet >/dev/null 2>&1; then
    log "dotnet not found on PATH: install the .NET 10 SDK"
    exit 1
fi

# ---------------------------------------------------------------------------------------------
# 2. Restore, build, test
# ---------------------------------------------------------------------------------------------
solution=UedaPublicGoals.sln

# An optional first argument picks one layer; everything else goes to dotnet test.
test_target="$solution"
case "${1:-}" in
    unit) test_target=tests/UedaPublicGoals.Tests.Unit; shift ;;
    integration) test_target=tests/UedaPublicGoals.Tests.Integration; shift ;;
    browser) test_target=tests/UedaPublicGoals.Tests.Browser; shift ;;
esac
results_dir="$repo_root/TestResults"
trx_name=results.trx

# Old results would be counted again: wipe them (the collected ones and the per-project ones).
rm -rf "$results_dir"
for dir in */TestResults tests/*/TestResults; do
    if [[ -d "$dir" ]]; then rm -rf "$dir"; fi
done
mkdir -p "$results_dir"

dotnet restore "$solution"
dotnet build "$solution" -c Release --no-restore

# Each test project writes its TRX into its own <project>/TestResults (the default): with one
# shared --results-directory, every project would overwrite the same LogFileName.
test_status=0
dotnet test "$test_target" -c Release --no-build \
    --logger "trx;LogFileName=$trx_name" \
    --logger "console;verbosity=normal" \
    "$@" || test_status=$?

# Collect the per-project TRX files into ./TestResults/<project>.trx.
shopt -s nullglob
for trx in */TestResults/"$trx_name" tests/*/TestResults/"$trx_name"; do
    project="$(basename "$(dirname "$(dirname "$trx")")")"
    mv -f "$trx" "$results_dir/$project.trx"
    rmdir "$(dirname "$trx")" 2>/dev/null || true
done
shopt -u nullglob

# ---------------------------------------------------------------------------------------------
# 3. Summary from the TRX <Counters .../> elements
# ---------------------------------------------------------------------------------------------
counter() { # counter NAME <<< "<Counters ... />"  -> the attribute's value, 0 when absent
    sed -n "s/.*[[:space:]]$1=\"\([0-9]*\)\".*/\1/p" | head -n 1 | grep . || echo 0
}

passed=0 failed=0 skipped=0 total=0 files=0
shopt -s nullglob
for trx in "$results_dir"/*.trx; do
    counters="$(tr -d '\r\n' <"$trx" | grep -o '<Counters[^>]*>' | head -n 1 || true)"
    if [[ -z "$counters" ]]; then
        log "no <Counters> in $trx"
        failed=$((failed + 1))
        continue
    fi
    files=$((files + 1))
    t=$(counter total <<<"$counters")
    e=$(counter executed <<<"$counters")
    p=$(counter passed <<<"$counters")
    f=$(counter failed <<<"$counters")
    err=$(counter error <<<"$counters")
    to=$(counter timeout <<<"$counters")
    ab=$(counter aborted <<<"$counters")
    total=$((total + t))
    # Per layer: its counts and wall time (from the TRX <Times start= finish=>).
    times="$(tr -d '\r\n' <"$trx" | grep -o '<Times[^>]*>' | head -n 1 || true)"
    start="$(sed -n 's/.*[[:space:]]start="\([^"]*\)".*/\1/p' <<<"$times")"
    finish="$(sed -n 's/.*[[:space:]]finish="\([^"]*\)".*/\1/p' <<<"$times")"
    seconds=""
    if [[ -n "$start" && -n "$finish" ]]; then
        seconds=" in $(($(date -d "$finish" +%s) - $(date -d "$start" +%s))) s"
    fi
    log "$(basename "$trx" .trx): $p passed, $((f + err + to + ab)) failed$seconds"
    passed=$((passed + p))
    failed=$((failed + f + err + to + ab))
    # xunit's skipped tests are counted in total but not in executed.
    if ((t > e)); then
        skipped=$((skipped + t - e))
    fi
done
shopt -u nullglob

# The failed tests by name with the first lines of their message, last in the log where CI shows it.
if ((failed > 0)); then
    echo
    log "failed tests:"
    for trx in "$results_dir"/*.trx; do
        if command -v python3 >/dev/null; then
            python3 - "$trx" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for result in ET.parse(sys.argv[1]).getroot().iterfind(".//t:UnitTestResult", ns):
    if result.get("outcome") in ("Passed", "NotExecuted"):
        continue
    print(f"  {result.get('outcome')}: {result.get('testName')}")
    message = result.findtext(".//t:ErrorInfo/t:Message", default="", namespaces=ns)
    stack = result.findtext(".//t:ErrorInfo/t:StackTrace", default="", namespaces=ns)
    for line in (message.strip().splitlines()[:12] + stack.strip().splitlines()[:6]):
        print(f"      {line}")
PY
        else
            tr -d '\r\n' <"$trx" | grep -o '<UnitTestResult[^>]*outcome="Failed"[^>]*>' |
                sed -n 's/.*testName="\([^"]*\)".*/  Failed: \1/p'
        fi
    done
fi

summary="$passed passed, $failed failed"
if ((skipped > 0)); then
    summary+=", $skipped skipped"
fi

echo
log "test results: $files TRX file(s) in $results_dir"
echo "$summary"

if ((test_status != 0)); then
    log "dotnet test exited with $test_status"
    exit "$test_status"
fi
if ((failed > 0)); then
    exit 1
fi
if ((passed + failed == 0)); then
    log "no test ran"
    exit 1
fi
exit 0
