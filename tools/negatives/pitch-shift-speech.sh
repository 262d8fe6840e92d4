#!/usr/bin/env bash
# Raises real adult speech into the cry's pitch range: each spoken digit is resampled by 1.6 and 2.0 (pitch and
# formants rise together, like a child's or a raised voice) and stretched back to its own length. These are the
# real non-cry voices that look most like a cry to a pitch-based detector (f0 ~200-450 Hz), and the shared data has
# only six adult speakers. File names keep the speaker (`3_george_7.wav`), so the split by speaker
# (DonateACrySplit.IsTestNegative) holds: a held-out speaker stays held out at every pitch.
# Needs ffmpeg. Usage: tools/negatives/pitch-shift-speech.sh SPOKEN_DIGITS_DIR OUTPUT_DIR   (deterministic)
set -euo pipefail
in=${1:?usage: pitch-shift-speech.sh SPOKEN_DIGITS_DIR OUTPUT_DIR}
out=${2:?usage: pitch-shift-speech.sh SPOKEN_DIGITS_DIR OUTPUT_DIR}
for factor in 1.6 2.0; do
  mkdir -p "$out/x$factor"
  for f in "$in"/*.wav; do
    ffmpeg -nostdin -loglevel error -y -i "$f" \
      -af "asetrate=8000*$factor,aresample=8000,atempo=1/$factor" -ac 1 -ar 8000 -c:a pcm_s16le \
      -bitexact "$out/x$factor/$(basename "$f")"
  done
done
echo "wrote $(find "$out" -name '*.wav' | wc -l) files to $out"
