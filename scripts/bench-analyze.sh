#!/usr/bin/env bash
# Whole-process speed of `securebase analyze` against aubio's pitch tracker alone, on the same
# ten minutes of 16 kHz infant cries (built from ../shared/data/donateacry with sox).
#
#   scripts/bench-analyze.sh            # prints both times (median of RUNS runs) and the ratio
#   RUNS=9 scripts/bench-analyze.sh
#   PUBLISH_ARGS="" scripts/bench-analyze.sh    # plain `dotnet publish -c Release`, no publish settings
#   SKIP_PUBLISH=1 scripts/bench-analyze.sh      # time the app published by the previous run again
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
# SKIP_PUBLISH=1 reuses the app published by an earlier run (publishing takes minutes on a busy machine).
if [ -z "${SKIP_PUBLISH:-}" ] || [ ! -x "$WORK/cli/securebase" ]; then
# shellcheck disable=SC2086 # PUBLISH_ARGS is a list of extra arguments
dotnet publish src/SecureBase.Cli -c Release -o "$WORK/cli" -v quiet -nologo ${PUBLISH_ARGS--r linux-x64 --self-contained false -p:PublishReadyToRun=true -p:TieredCompilation=false} >/dev/null
fi
echo "published with: dotnet publish src/SecureBase.Cli -c Release ${PUBLISH_ARGS--r linux-x64 --self-contained false -p:PublishReadyToRun=true -p:TieredCompilation=false}"
CLI="$WORK/cli/securebase"

# One timed run: prints "WALL CPU" in seconds (CPU = user + system of the whole process, from /usr/bin/time).
# On a shared, loaded machine the wall clock also measures the other jobs; CPU time is the fairer figure then.
time_once() {
  /usr/bin/time -o "$WORK/time.txt" -f "%e %U %S" "$@" >/dev/null 2>&1
  awk '{printf "%.4f %.4f\n", $1, $2 + $3}' "$WORK/time.txt"
}

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# `analyze` exits 1 only when a file is unreadable; that would make the comparison meaningless.
"$CLI" analyze "$FILE" --format ndjson > "$WORK/analyze.ndjson"
echo "episodes found: $(grep -o '"peakStage"' "$WORK/analyze.ndjson" | wc -l)"

# One untimed warm-up run of each for the file cache, then RUNS rounds that alternate the two programs, so a
# change in the machine's load hits both alike.
aubiopitch -i "$FILE" -p yinfft -H 160 -B 512 >/dev/null
sb_wall=(); sb_cpu=(); au_wall=(); au_cpu=()
for _ in $(seq "$RUNS"); do
  read -r w c < <(time_once "$CLI" analyze "$FILE" --format ndjson); sb_wall+=("$w"); sb_cpu+=("$c")
  read -r w c < <(time_once aubiopitch -i "$FILE" -p yinfft -H 160 -B 512); au_wall+=("$w"); au_cpu+=("$c")
done
securebase_s=$(printf '%s\n' "${sb_wall[@]}" | median)
securebase_cpu=$(printf '%s\n' "${sb_cpu[@]}" | median)
aubio_s=$(printf '%s\n' "${au_wall[@]}" | median)
aubio_cpu=$(printf '%s\n' "${au_cpu[@]}" | median)

awk -v s="$securebase_s" -v a="$aubio_s" -v sc="$securebase_cpu" -v ac="$aubio_cpu" -v d="$SECONDS_OF_AUDIO" -v n="$RUNS" 'BEGIN {
  printf "securebase analyze --format ndjson : %.3f s wall (%.0f x real time), %.3f s CPU  median of %d\n", s, d / s, sc, n
  printf "aubiopitch -p yinfft -H 160 -B 512 : %.3f s wall (%.0f x real time), %.3f s CPU  median of %d\n", a, d / a, ac, n
  printf "ratio aubio / securebase, wall     : %.2f  (>= 1 means securebase is at least as fast)\n", a / s
  printf "ratio aubio / securebase, CPU      : %.2f\n", ac / sc
}'
