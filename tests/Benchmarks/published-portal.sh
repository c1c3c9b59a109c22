# Shared by the benchmark scripts: publish the site (Release) from a temporary copy of the
# repository and run it in Production on a fresh SQLite file, 127.0.0.1 only.
#
#   source tests/Benchmarks/published-portal.sh
#   portal_publish                   # into $work/pub
#   portal_start [NAME=value ...]    # extra environment, e.g. Feedback__AntiSpam__ProofOfWork=Off
#   portal_stop
#
# Expects $repo, $work and $port; sets $server_pid. Call portal_cleanup from an EXIT trap.

server_pid=""

portal_cleanup() {
    if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}

portal_publish() {
    mkdir -p "$work/src"
    cp "$repo"/Directory.Build.props "$repo"/Directory.Packages.props "$work/src/"
    rm -rf "$work/src/content-seed" && cp -r "$repo/content-seed" "$work/src/"
    (cd "$repo" && tar --exclude=bin --exclude=obj --exclude=node_modules --exclude=App_Data -cf - site App_Plugins) | (cd "$work/src" && tar -xf -)
    dotnet publish "$work/src/site" -c Release -o "$work/pub" --nologo -v quiet >/dev/null
}

portal_start() {
    (cd "$work/pub" && exec env ASPNETCORE_ENVIRONMENT=Production Urls="http://127.0.0.1:$port" \
        Database__ConnectionString="Data Source=$work/bench.db" Logging__LogLevel__Default=Warning "$@" \
        dotnet UedaPublicGoals.Site.dll >"$work/server.log" 2>&1) &
    server_pid=$!
    for _ in $(seq 1 150); do
        curl -sf -o /dev/null "http://127.0.0.1:$port/" && return 0
        sleep 0.2
    done
    cat "$work/server.log" >&2
    echo "the site did not start" >&2
    exit 1
}

portal_stop() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""; }
