#!/usr/bin/env bash
# Load benchmark of the web app on this machine: journal import (~40,000 entries) and single-entry creates under
# 64 concurrent clients, on SQLite and (when PostgreSQL is installed) on PostgreSQL. Prints one line per figure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# ARTIFACTS_PATH keeps parallel worktrees' builds apart (the repo builds with UseArtifactsOutput).
artifacts="${ARTIFACTS_PATH:-$root/artifacts}"
out="$artifacts/bench-web"
# The server is published as a deployment would be: ReadyToRun (precompiled), so the one-off import is not measured
# mostly as the JIT compiling EF Core, Npgsql and System.Text.Json code paths for the first time. PUBLISH_ARGS=""
# publishes plain IL instead (then the first import pays about a second of CPU for JIT compilation).
publish_args=${PUBLISH_ARGS--r linux-x64 --self-contained false -p:PublishReadyToRun=true}
# shellcheck disable=SC2086 # word splitting of the publish arguments is intended
dotnet publish src/SecureBase.Web -c Release -o "$out/web" -p:ArtifactsPath="$artifacts" $publish_args >/dev/null
echo "server published with: dotnet publish src/SecureBase.Web -c Release $publish_args"
dotnet publish bench/SecureBase.LoadTest -c Release -o "$out/load" -p:ArtifactsPath="$artifacts" >/dev/null
port=5099

run() { # label, then environment assignments for the server
  local label=$1; shift
  local data; data="$(mktemp -d)"
  # Started from its own folder, as a deployment is: that folder is the content root, so appsettings.json and wwwroot
  # are read from it (started from the repository, the server ran without its appsettings.json).
  (cd "$out/web" && exec env "$@" SecureBase__DataFolder="$data" SecureBase__AllowSignUp=true ASPNETCORE_ENVIRONMENT=Production \
    Logging__LogLevel__Default=Warning dotnet SecureBase.Web.dll --urls "http://127.0.0.1:$port") >"$data/server.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/api/account/setup" >/dev/null 2>&1 && break; sleep 0.5; done
  dotnet "$out/load/SecureBase.LoadTest.dll" --server "http://127.0.0.1:$port" --clients "${CLIENTS:-64}" --seconds "${SECONDS_PER_RUN:-20}" --label "$label" --server-pid "$pid" || true
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
}

# DATABASES picks the runs (default both), e.g. DATABASES=sqlite scripts/bench-web.sh
databases="${DATABASES:-sqlite postgresql}"
if [[ " $databases " == *" sqlite "* ]]; then run sqlite; fi
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -n "$bin" ] && [[ " $databases " == *" postgresql "* ]]; then
  pg="$(mktemp -d /tmp/securebase-bench-pg.XXXXXX)"; as=()
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$pg"; as=(runuser -u postgres --); fi
  "${as[@]}" "$bin/initdb" -D "$pg/data" -U postgres -A trust >/dev/null
  "${as[@]}" "$bin/pg_ctl" -D "$pg/data" -l "$pg/log" -w -o "-p 55499 -k $pg -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
  run postgresql "ConnectionStrings__Postgres=Host=127.0.0.1;Port=55499;Username=postgres;Database=securebase_bench;Maximum Pool Size=100"
  "${as[@]}" "$bin/pg_ctl" -D "$pg/data" -m fast stop >/dev/null; rm -rf "$pg"
fi
