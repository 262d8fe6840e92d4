#!/usr/bin/env bash
# Runs every test of the solution and ends with one line: "N passed, N failed, N skipped".
#
# What the tests need is prepared here, so a fresh machine needs nothing but the .NET SDK:
#  - as root on Debian/Ubuntu, the missing packages are installed (PostgreSQL, Chromium, ffmpeg);
#  - a throw-away PostgreSQL server is started on a local port for the PostgreSQL tests and stopped after.
# Tests whose service or data is absent (not root, no ../shared/data) are skipped with a message, not failed.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

log() { printf '[test] %s\n' "$*" >&2; }

install_packages() {
  [ "$(id -u)" = 0 ] || { log "not root: using what is installed"; return; }
  command -v apt-get >/dev/null || { log "no apt-get: using what is installed"; return; }
  local wanted=()
  [ -x /usr/lib/postgresql/*/bin/initdb ] 2>/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || wanted+=(postgresql)
  command -v chromium >/dev/null || wanted+=(chromium)
  command -v ffmpeg >/dev/null || wanted+=(ffmpeg)
  [ ${#wanted[@]} -eq 0 ] && return
  log "installing ${wanted[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq -o DPkg::Lock::Timeout=600 >/dev/null 2>&1 || log "apt-get update failed"
  apt-get install -y -qq -o DPkg::Lock::Timeout=600 "${wanted[@]}" >/dev/null 2>&1 || log "could not install ${wanted[*]}"
}

pg_dir=""
pg_ctl=""
start_postgres() {
  if [ -n "${SECUREBASE_TEST_POSTGRES:-}" ]; then log "using the PostgreSQL server given in SECUREBASE_TEST_POSTGRES"; return; fi
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$bin" ]; then log "PostgreSQL is not installed: its tests will be skipped"; return; fi
  pg_ctl="$bin/pg_ctl"
  pg_dir="$(mktemp -d /tmp/securebase-pg.XXXXXX)"
  local port=${SECUREBASE_TEST_PG_PORT:-55432}
  # A port already taken (another run, a developer's server) would make the start fail and every PostgreSQL test
  # skip quietly: take the next free one instead, unless a port was asked for.
  if [ -z "${SECUREBASE_TEST_PG_PORT:-}" ]; then
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  fi
  local as=()
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$pg_dir"; as=(runuser -u postgres --); fi
  if ! "${as[@]}" "$bin/initdb" -D "$pg_dir/data" -U postgres -A trust >/dev/null 2>&1; then
    log "initdb failed: PostgreSQL tests will be skipped"; pg_dir=""; return
  fi
  if ! "${as[@]}" "$pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
      -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null; then
    log "PostgreSQL did not start (see $pg_dir/server.log): its tests will be skipped"; return
  fi
  export SECUREBASE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"
  log "PostgreSQL started on port $port"
}
stop_postgres() {
  [ -n "$pg_dir" ] || return 0
  local as=()
  [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
  "${as[@]}" "$pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_postgres EXIT

install_packages
start_postgres

log "building and running the tests"
dotnet test SecureBase.slnx -c Release --logger "trx;LogFilePrefix=results" --results-directory "$results" \
  --blame-hang-timeout 15m "$@"
status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); x=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  # xunit's skipped tests are the ones not executed.
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0})); skipped=$((skipped + ${t:-0} - ${x:-0}))
done
if [ $status -ne 0 ] && [ $failed -eq 0 ]; then
  log "the test run itself failed (build error or a crashed test host): counted as one failure"
  failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ]
