#!/usr/bin/env bash
# Publishes the 結果公示 of a consultation with 240 generated opinions (the integration test that
# checks it, ResultNoticeTests) and keeps the pages it served under docs/samples/result-notice/,
# then prints the notice's headline figures from them.
# Usage: tests/Benchmarks/result-notice-sample.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
out="$PWD/docs/samples/result-notice"
rm -rf "$out"
export RESULT_NOTICE_SAMPLE_DIR="$out" MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
dotnet test tests/UedaPublicGoals.Tests.Integration \
  --filter "FullyQualifiedName~ResultNoticeTests.A_notice_of_240_opinions" --nologo -v q >/dev/null
python3 - "$out" <<'PY'
import csv, html, re, sys, collections
out = sys.argv[1]
page = open(f"{out}/kekka-koji.html", encoding="utf-8").read()
def cells(caption):
    table = re.search(r"<caption>" + re.escape(caption) + r"</caption>(.*?)</table>", page, re.S).group(1)
    return [[html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)]
print("結果公示 (240 generated opinions)")
for row in cells("受付経路別の意見の件数"):
    print("  channel  " + " | ".join(row))
for row in cells("反映状況別の件数")[1:]:
    print(f"  uptake   {row[0]}: {row[2]}")
for row in cells("載せなかった意見の理由別の件数")[1:]:
    print(f"  hidden   {row[0]}: {row[1]}")
rows = list(csv.reader(open(f"{out}/kekka-koji.csv", encoding="utf-8-sig")))[1:]
for category, count in collections.Counter(r[1] for r in rows).items():
    print(f"  category {category}: {count}")
print(f"  CSV rows {len(rows)}, gists {sum(r[5] == '要旨' for r in rows)}")
for name in ("kekka-koji.html", "kekka-koji-print.html", "kekka-koji.csv", "participation.html"):
    import os
    print(f"  {name}: {os.path.getsize(f'{out}/{name}'):,} bytes")
PY
