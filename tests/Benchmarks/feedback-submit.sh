#!/usr/bin/env bash
# Comment submissions per second on SQLite (or PostgreSQL) through the real HTTP endpoint. Prints figures;
# asserts nothing except that no comment was lost.
#
#   tests/Benchmarks/feedback-submit.sh [comments per run] [concurrency list]
#   e.g. tests/Benchmarks/feedback-submit.sh 2000 "1 8 32"   (the default)
#   BENCH_DB=postgres tests/Benchmarks/feedback-submit.sh     (a throwaway PostgreSQL from Debian's
#   postgresql package, durable settings: fsync and synchronous_commit on; needs root or the postgres user)
#   BENCH_KIND=survey tests/Benchmarks/feedback-submit.sh 500 (WEBアンケート answer sets instead of comments:
#   a 3-question survey — 年代, 5段階, 自由記述 — is inserted into the database, each answer set is posted to
#   /iken/anketo/bench and stores the set, its answers and one WEBアンケート comment through the same writer)
#
# Publishes the site (Release), runs it in Production on a fresh SQLite file on 127.0.0.1 with
# the per-client rate limit relaxed, the time trap off and the proof-of-work off (configuration
# only), then a Python client on the same machine:
#   1. opens N forms (GET /iken/{consultation}/: antiforgery cookie + token, signed form ticket),
#   2. sends all N (POST …/send, the endpoint residents use after the confirmation page) with
#      C concurrent connections, and times that phase,
#   3. counts the rows in FeedbackComments: every 303 must be a stored comment,
# once per concurrency in the list, against the same running site.
# Bounded: N requests per phase, each with a 30 s timeout; the server is stopped at the end.
set -euo pipefail

comments="${1:-2000}"
concurrency="${2:-1 8 32}"
port="${BENCH_PORT:-5098}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d /tmp/ueda-feedback-bench-XXXXXX)"
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
pg_port="${BENCH_PG_PORT:-5109}"
as_postgres() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

command -v python3 >/dev/null || { echo "python3 not found" >&2; exit 1; }

source "$repo/tests/Benchmarks/published-portal.sh"
cleanup() {
    if [[ -f "$work/pg/data/postmaster.pid" ]]; then as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast stop >/dev/null 2>&1 || true; fi
    portal_cleanup
}
trap cleanup EXIT
portal_publish

if [[ "${BENCH_DB:-sqlite}" == "postgres" ]]; then
    mkdir -p "$work/pg" && chmod 755 "$work" && { [[ $(id -u) -ne 0 ]] || chown postgres: "$work/pg"; }
    as_postgres "$pg_bin/initdb" -D "$work/pg/data" -A trust -U postgres --encoding=UTF8 --locale=C >/dev/null
    as_postgres "$pg_bin/pg_ctl" -w -D "$work/pg/data" -l "$work/pg/log" \
        -o "-k '$work/pg' -p $pg_port -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
    as_postgres "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres bench
    provider=Postgres; connection="Host=127.0.0.1;Port=$pg_port;Database=bench;Username=postgres"
    sql=(psql -h 127.0.0.1 -p "$pg_port" -U postgres -d bench -v ON_ERROR_STOP=1 -tAc)
else
    provider=Sqlite; connection="Data Source=$work/bench.db"
    sql=(python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); r=c.executescript(sys.argv[2]) if ";" in sys.argv[2].rstrip(";") else c.execute(sys.argv[2]).fetchone(); c.commit(); print(r[0] if isinstance(r, tuple) else "")' "$work/bench.db")
fi
kind="${BENCH_KIND:-comment}"
table=$([[ "$kind" == survey ]] && echo FeedbackSurveyAnswerSets || echo FeedbackComments)
count=("${sql[@]}" "select count(*) from \"$table\"")

# The later Database__ConnectionString overrides portal_start's SQLite default.
portal_start Database__Provider="$provider" Database__ConnectionString="$connection" \
    Feedback__AntiSpam__RateLimit__PermitLimit=100000000 Feedback__AntiSpam__MinimumFillSeconds=0 \
    Feedback__AntiSpam__ProofOfWork=Off Feedback__Privacy__ClientHashSalt=bench-salt

if [[ "$kind" == survey ]]; then
    # Staff would build it in the backoffice; the benchmark needs no login, so the rows go in directly.
    "${sql[@]}" "
        INSERT INTO \"FeedbackSurveys\" (\"ConsultationId\", \"Slug\", \"Title\", \"AudienceLabel\", \"Description\", \"OpensUtc\", \"State\", \"CreatedUtc\")
            SELECT \"Id\", 'bench', 'ベンチマーク用アンケート', '中学生向け', '', '2000-01-01 00:00:00', 1, '2000-01-01 00:00:00' FROM \"FeedbackConsultations\" WHERE \"IsDefault\";
        INSERT INTO \"FeedbackSurveyQuestions\" (\"SurveyId\", \"Number\", \"Text\", \"Kind\", \"IsRequired\", \"IsAgeGroup\")
            SELECT \"Id\", 1, '年代', 0, TRUE, TRUE FROM \"FeedbackSurveys\" WHERE \"Slug\" = 'bench'
            UNION ALL SELECT \"Id\", 2, '上田市に住み続けたいと思いますか', 2, FALSE, FALSE FROM \"FeedbackSurveys\" WHERE \"Slug\" = 'bench'
            UNION ALL SELECT \"Id\", 3, '意見を自由に', 4, FALSE, FALSE FROM \"FeedbackSurveys\" WHERE \"Slug\" = 'bench';
        INSERT INTO \"FeedbackSurveyChoices\" (\"QuestionId\", \"Number\", \"Label\", \"AgeGroup\")
            SELECT \"Id\", 1, '中学生以下', 0 FROM \"FeedbackSurveyQuestions\" WHERE \"Number\" = 1
            UNION ALL SELECT \"Id\", 2, '高校生', 1 FROM \"FeedbackSurveyQuestions\" WHERE \"Number\" = 1
            UNION ALL SELECT \"Id\", 1, 'そう思う', NULL FROM \"FeedbackSurveyQuestions\" WHERE \"Number\" = 2
            UNION ALL SELECT \"Id\", 2, 'そう思わない', NULL FROM \"FeedbackSurveyQuestions\" WHERE \"Number\" = 2;
    " >/dev/null
fi

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); the client and the site share them; $provider, Production, Release"
for workers in $concurrency; do
python3 - "$port" "$comments" "$workers" "$kind" "$server_pid" "${count[@]}" <<'PY' || status=1
import concurrent.futures, http.client, os, re, subprocess, sys, time, urllib.parse

port, total, workers, kind, server_pid, count = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6:]
def server_cpu_seconds():
    # utime + stime of the portal process (fields 14 and 15 of /proc/PID/stat, in clock ticks)
    fields = open(f"/proc/{server_pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
survey = kind == "survey"
path = "/iken/anketo/bench" if survey else "/iken/dai3ji-sogo-keikaku/"
send_path = path if survey else path + "send"
what = "answer sets" if survey else "comments"
field = "スマートシティ・DX"
def stored(): return int(subprocess.run(count, check=True, capture_output=True, text=True).stdout.strip())
before = stored()

def open_form(i):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request("GET", path)
    r = c.getresponse()
    html = r.read().decode()
    cookie = "; ".join(h.split(";", 1)[0] for k, h in r.getheaders() if k.lower() == "set-cookie")
    token = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html).group(1)
    ticket = re.search(r'name="Ticket" value="([^"]+)"', html).group(1)
    c.close()
    if survey:
        # The first choice of each choice question, and a sentence for each text question.
        fields = {"__RequestVerificationToken": token, "Ticket": ticket}
        for name, value in re.findall(r'name="(q\d+)" value="(\d+)"', html):
            fields.setdefault(name, value)
        for name in re.findall(r'<textarea id="(q\d+)"', html):
            fields[name] = f"ベンチマークの回答 {i}。部活の帰りに乗れるバスがほしいです。"
        return cookie, urllib.parse.urlencode(fields)
    body = urllib.parse.urlencode({
        "__RequestVerificationToken": token, "Ticket": ticket, "Goal": "",
        "Text": f"ベンチマークの意見 {i}。駅前に勉強できる場所がほしいです。", "Field": field,
        "AgeGroup": "HighSchool", "Residence": "InUeda", "Consent": "true",
    })
    return cookie, body

def send(form):
    cookie, body = form
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    start = time.perf_counter()
    c.request("POST", send_path, body, {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie})
    r = c.getresponse()
    r.read()
    c.close()
    return r.status, time.perf_counter() - start

with concurrent.futures.ThreadPoolExecutor(8) as pool:
    start = time.perf_counter()
    forms = list(pool.map(open_form, range(total)))
    opened = time.perf_counter() - start

with concurrent.futures.ThreadPoolExecutor(workers) as pool:
    cpu_before = server_cpu_seconds()
    start = time.perf_counter()
    results = list(pool.map(send, forms))
    elapsed = time.perf_counter() - start
    cpu = server_cpu_seconds() - cpu_before

statuses = {}
for status, _ in results:
    statuses[status] = statuses.get(status, 0) + 1
latencies = sorted(l for _, l in results)
def pct(p): return latencies[min(len(latencies) - 1, int(len(latencies) * p))] * 1000
rows = stored() - before

print(f"--- {workers} connection(s)")
print(f"forms opened:   {total} in {opened:.2f} s ({total / opened:.0f}/s, 8 connections)")
print(f"{what} sent:  {total} with {workers} connections in {elapsed:.2f} s -> {total / elapsed:.0f} submissions/s")
print(f"send latency:   p50 {pct(0.50):.1f} ms, p90 {pct(0.90):.1f} ms, p99 {pct(0.99):.1f} ms")
print(f"portal CPU:     {cpu * 1000 / total:.2f} ms per submission ({cpu:.1f} s over the phase; the rest of the 2 cores went to the client and the database)")
print(f"responses:      {statuses}")
print(f"rows stored:    {rows} (expected {statuses.get(303, 0)} = the 303 answers, {total} sent)")
sys.exit(0 if rows == statuses.get(303, 0) == total else 1)
PY
done
exit "${status:-0}"
