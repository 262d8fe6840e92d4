#!/usr/bin/env bash
# Insights speed on this machine:
#   1. the calculation on the two-year demo journal (~40,000 entries), BenchmarkDotNet (target < 50 ms);
#   2. the Insights page served by the real app on SQLite holding that journal, p50/p95 (target < 200 ms).
# Set SKIP_CALC=1 to time only the page. Output goes to standard output; BenchmarkDotNet's reports to artifacts/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
art="${ARTIFACTS:-$root/artifacts}"
out="$art/bench-insights"

if [ "${SKIP_CALC:-0}" != 1 ]; then
  dotnet run -c Release --project bench/SecureBase.Benchmarks -p:ArtifactsPath="$art" -- --filter '*InsightsBenchmarks*' --artifacts "$out/bdn"
fi

mkdir -p "$out"
for project in src/SecureBase.Web:web bench/SecureBase.PageBench:pagebench; do
  dotnet publish "${project%%:*}" -c Release -p:ArtifactsPath="$art" -o "$out/${project##*:}" >"$out/publish.log" || { cat "$out/publish.log"; exit 1; }
done
port="${PORT:-5098}"
data="$(mktemp -d)"
SecureBase__DataFolder="$data" SecureBase__AllowSignUp=true ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  dotnet "$out/web/SecureBase.Web.dll" --urls "http://127.0.0.1:$port" >"$data/server.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/api/account/setup" >/dev/null 2>&1 && break; sleep 0.5; done
dotnet "$out/pagebench/SecureBase.PageBench.dll" --server "http://127.0.0.1:$port" --requests "${REQUESTS:-200}" --label sqlite --server-pid "$pid"
