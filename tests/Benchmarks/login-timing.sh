#!/usr/bin/env bash
# Does the login form's answer time tell which accounts exist? Prints figures; asserts nothing.
#
#   tests/Benchmarks/login-timing.sh [attempts per case]
#
# Publishes the site (Release), runs it in Production on a fresh SQLite file on 127.0.0.1 with
# the login throttle relaxed (configuration only, so the delays do not drown the hashing time)
# and no 2FA requirement, creates one active and one disabled account through the backoffice
# as an administrator would, then times failed logins, interleaved, for: an unknown address,
# the active account with a wrong password, the disabled account with its right password.
# All three must give the same page; the time of each is one PBKDF2 check plus the page.
set -euo pipefail

attempts="${1:-200}"
port="${BENCH_PORT:-5097}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d /tmp/ueda-login-bench-XXXXXX)"

command -v python3 >/dev/null || { echo "python3 not found" >&2; exit 1; }

source "$repo/tests/Benchmarks/published-portal.sh"
trap portal_cleanup EXIT
portal_publish
portal_start Backoffice__AdminEmail=admin@example.jp Backoffice__AdminPassword="kanri-sha no pasuwado 2024" \
    Backoffice__TwoFactor__RequiredRoles="" Backoffice__LoginThrottling__FreeFailures=1000 \
    Backoffice__LoginThrottling__AddressLimit=100000

echo "machine: $(nproc) cores; the client and the site share them; SQLite file, Production, Release; $attempts attempts per case"
python3 - "$port" "$attempts" <<'PY'
import http.client, re, statistics, sys, time, urllib.parse

port, attempts = int(sys.argv[1]), int(sys.argv[2])

class Browser:
    def __init__(self):
        self.cookies = {}
    def request(self, method, path, fields=None):
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        c.request(method, path, body, headers)
        r = c.getresponse()
        for k, v in r.getheaders():
            if k.lower() == "set-cookie":
                name, value = v.split(";", 1)[0].split("=", 1)
                self.cookies[name] = value
        return r, r.read().decode("utf-8")
    def post(self, page, action, fields):
        _, html = self.request("GET", page)
        token = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html) or re.search(r'name="__RequestVerificationToken" value="([^"]+)"', html)
        return self.request("POST", action, dict(fields, __RequestVerificationToken=token.group(1)))

admin = Browser()
r, body = admin.post("/backoffice/login", "/backoffice/login", {"Email": "admin@example.jp", "Password": "kanri-sha no pasuwado 2024"})
assert r.status == 302, (r.status, re.findall(r'<li>.*?</li>', body))
user_ids = {}
for email in ("active@example.jp", "disabled@example.jp"):
    r, _ = admin.post("/backoffice/users/new", "/backoffice/users/new", {"Email": email, "DisplayName": "計測用", "Role": "PlanningOfficer", "PasswordChoice": "Typed", "InitialPassword": "keisoku-you no nagai aikotoba"})
    assert r.status == 302, (r.status, re.findall(r'class="form-error"[^>]*>[^<]*', _))
    user_ids[email] = r.getheader("Location").rsplit("/", 1)[1]
r, _ = admin.post(f"/backoffice/users/{user_ids['disabled@example.jp']}", f"/backoffice/users/{user_ids['disabled@example.jp']}/disable", {})
assert r.status == 302, r.status

cases = {
    "unknown address": ("nobody@example.jp", "keisoku-you no nagai aikotoba"),
    "active, wrong password": ("active@example.jp", "machigai no aikotoba"),
    "disabled, right password": ("disabled@example.jp", "keisoku-you no nagai aikotoba"),
}
times = {name: [] for name in cases}
pages = {name: set() for name in cases}
for i in range(attempts):
    for name, (email, password) in cases.items():
        b = Browser()
        _, html = b.request("GET", "/backoffice/login")
        token = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html) or re.search(r'name="__RequestVerificationToken" value="([^"]+)"', html)
        start = time.perf_counter()
        r, body = b.request("POST", "/backoffice/login", {"Email": email, "Password": password, "__RequestVerificationToken": token.group(1)})
        times[name].append((time.perf_counter() - start) * 1000)
        error = re.search(r'<div class="error-summary".*?</div>', body, re.S)
        pages[name].add((r.status, error.group(0) if error else None))

print(f"{'case':<28}{'p50 ms':>9}{'mean ms':>9}{'p90 ms':>9}  answer")
for name, values in times.items():
    values.sort()
    print(f"{name:<28}{statistics.median(values):>9.1f}{statistics.mean(values):>9.1f}{values[int(len(values) * 0.9)]:>9.1f}  {len(pages[name])} distinct page(s), status {sorted(s for s, _ in pages[name])}")
same = len({p for ps in pages.values() for p in ps}) == 1
print("same answer for all three cases:", "yes" if same else "NO")
PY
