#!/usr/bin/env bash
# Whole-process speed of `securebase analyze` against aubio's pitch tracker alone, on the same
# ten minutes of 16 kHz infant cries (built from ../shared/data/donateacry with sox).
#
#   scripts/bench-analyze.sh            # prints both times (median of RUNS runs) and the ratio
#   RUNS=9 scripts/bench-analyze.sh
#   PUBLISH_ARGS="" scripts/bench-analyze.sh    # plain `dotnet publish -c Release`, no publish settings
#
# By default the CLI is published ReadyToRun (precompiled: less start-up JIT) with tiered compilation off
# (hot loops run optimised code from the first call instead of starting in unoptimised tier-0 code and waiting
# for on-stack replacement) — the right settings for a short-lived batch command; both land in the published app.
#
# The ratio is aubio time / securebase time: >= 1 means securebase is at least as fast.
set -euo pipefail
cd "$(dirname "$0")/.."

DATA=${DATA:-../shared/data/donateacry}
WORK=${WORK:-/tmp/securebase-bench-analyze}
RUNS=${RUNS:-5}
SECONDS_OF_AUDIO=600
FILE="$WORK/cries-10min-16k.wav"
mkdir -p "$WORK"

if [ ! -d "$DATA" ]; then
  echo "The Donate-a-cry recordings are not at $DATA; set DATA=... to their folder." >&2
  exit 2
fi

missing=()
command -v sox >/dev/null || missing+=(sox)
command -v aubiopitch >/dev/null || missing+=(aubio-tools)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..." >&2
  apt-get update -qq >/dev/null && apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -f "$FILE" ]; then
  # Concatenate recordings in name order until there are ten minutes, resampled to 16 kHz mono 16-bit.
  mapfile -t inputs < <(find "$DATA" -name '*.wav' | LC_ALL=C sort | head -n 120)
  sox -G --combine concatenate "${inputs[@]}" -r 16000 -c 1 -b 16 "$FILE" trim 0 "$SECONDS_OF_AUDIO"
fi
echo "audio: $FILE ($(soxi -D "$FILE") s, $(soxi -r "$FILE") Hz)"

# The published Release build, isolated from other builds.
export ArtifactsPath=${ArtifactsPath:-$WORK/artifacts}
# shellcheck disable=SC2086 # PUBLISH_ARGS is a list of extra arguments
dotnet publish src/SecureBase.Cli -c Release -o "$WORK/cli" -v quiet -nologo ${PUBLISH_ARGS--r linux-x64 --self-contained false -p:PublishReadyToRun=true -p:TieredCompilation=false} >/dev/null
echo "published with: dotnet publish src/SecureBase.Cli -c Release ${PUBLISH_ARGS--r linux-x64 --self-contained false -p:PublishReadyToRun=true -p:TieredCompilation=false}"
CLI="$WORK/cli/securebase"

# Median wall-clock seconds of RUNS runs of a command (after one untimed warm-up run for the file cache).
median_seconds() {
  "$@" >/dev/null 2>&1 || true
  local times=()
  for _ in $(seq "$RUNS"); do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.4f", b - a}')")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

# `analyze` exits 1 only when a file is unreadable; that would make the comparison meaningless.
"$CLI" analyze "$FILE" --format ndjson > "$WORK/analyze.ndjson"
echo "episodes found: $(grep -o '"peakStage"' "$WORK/analyze.ndjson" | wc -l)"

securebase_s=$(median_seconds "$CLI" analyze "$FILE" --format ndjson)
aubio_s=$(median_seconds aubiopitch -i "$FILE" -p yinfft -H 160 -B 512)

awk -v s="$securebase_s" -v a="$aubio_s" -v d="$SECONDS_OF_AUDIO" -v n="$RUNS" 'BEGIN {
  printf "securebase analyze --format ndjson : %.3f s  (%.0f x real time)  median of %d\n", s, d / s, n
  printf "aubiopitch -p yinfft -H 160 -B 512 : %.3f s  (%.0f x real time)  median of %d\n", a, d / a, n
  printf "ratio aubio / securebase           : %.2f  (>= 1 means securebase is at least as fast)\n", a / s
}'
