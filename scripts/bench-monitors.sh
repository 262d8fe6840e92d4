#!/usr/bin/env bash
# Load benchmark of live nursery monitors: N synthetic monitors stream audio in real time to a local server (SQLite,
# temp data folder); one caregiver per household receives the alerts. Prints server and bench CPU and alert latency
# p50/p95/max, split into the detector's own decision time and the server's part. A fresh server per count; before the
# measured run one extra monitor streams the server's first cry (reported apart).
# Usage: scripts/bench-monitors.sh [COUNT ...]   (default: 1 200). SECONDS_PER_RUN (25) sets the audio length,
# BENCH_ARGS adds bench options (e.g. --no-warm-up), SKIP_PUBLISH=1 reuses the last build, WEB_DIR runs another
# published server (e.g. an older commit's, for a before/after on the same machine load).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="$root/artifacts/bench-monitors"
# ARTIFACTS_PATH keeps the build's intermediate files elsewhere (e.g. one folder per worktree).
build=(${ARTIFACTS_PATH:+-p:ArtifactsPath=$ARTIFACTS_PATH})
if [ -z "${SKIP_PUBLISH:-}" ]; then
  dotnet publish src/SecureBase.Web -c Release -o "$out/web" "${build[@]}" >/dev/null
  dotnet publish bench/SecureBase.MonitorBench -c Release -o "$out/bench" "${build[@]}" >/dev/null
fi
web="${WEB_DIR:-$out/web}"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
port=5098
counts=("$@"); [ ${#counts[@]} -eq 0 ] && counts=(1 200)

for count in "${counts[@]}"; do
  data="$(mktemp -d)"
  SecureBase__DataFolder="$data" SecureBase__AllowSignUp=true ASPNETCORE_ENVIRONMENT=Production \
    Logging__LogLevel__Default=Warning dotnet "$web/SecureBase.Web.dll" --urls "http://127.0.0.1:$port" >"$data/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/api/account/setup" >/dev/null 2>&1 && break; sleep 0.5; done
  echo "== $count monitors (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  dotnet "$out/bench/SecureBase.MonitorBench.dll" --server "http://127.0.0.1:$port" --count "$count" \
    --seconds "${SECONDS_PER_RUN:-25}" --server-pid "$pid" ${BENCH_ARGS:-} || true
  if grep -qiE "warn|fail|error" "$data/server.log"; then echo "server log:"; grep -iE "warn|fail|error" "$data/server.log" | sort | uniq -c | sort -rn | head -5; fi
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
done
