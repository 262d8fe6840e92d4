#!/usr/bin/env bash
# Generates synthetic non-cry audio for evaluating the cry detector: speech in many voices and pitches (espeak-ng),
# steady tones, chimes, music-box melodies, lullabies and noise machines (sox). Needs espeak-ng and sox.
# Usage: tools/negatives/generate-negatives.sh OUTPUT_DIR   (deterministic: same output every run)
set -euo pipefail
out=${1:?usage: generate-negatives.sh OUTPUT_DIR}
mkdir -p "$out/speech" "$out/tones" "$out/music" "$out/noise"
rate=16000

texts=(
  "Good morning sweetheart, did you sleep well? Let's get you changed and then we can have some breakfast together."
  "I'm coming, I'm coming! Mummy is right here. Shh, shh, it's all right, little one."
  "Hello? Yes, I can talk now. The baby is finally asleep, so let me tell you about my day at work."
  "Once upon a time there was a little bear who lived in a big forest with her mother and father."
  "Look at the doggy! Woof woof! Can you say dog? What a clever girl you are!"
  "Tonight's weather: cloudy with a chance of rain in the north, clearing by tomorrow afternoon."
)
voices=(en en-us en+f1 en+f2 en+f3 en+f4 en+f5 en+m3 en+klatt en+Annie en+Linda en+Andrea en+Belinda en+Alicia fr+f2 de+f3 es+f4 it+f1)
pitches=(50 75 99)
i=0
for voice in "${voices[@]}"; do
  for pitch in "${pitches[@]}"; do
    text=${texts[$((i % ${#texts[@]}))]}
    espeak-ng -v "$voice" -p "$pitch" -s $((140 + (i % 4) * 20)) -w "/tmp/negatives-$$.wav" "$text"
    sox "/tmp/negatives-$$.wav" -r $rate -c 1 -b 16 "$out/speech/speech-${voice/+/-}-p$pitch.wav"
    i=$((i + 1))
  done
done
rm -f "/tmp/negatives-$$.wav"

# Steady tones (pure and rich), sweeps and a beeping appliance.
sox -n -r $rate -b 16 "$out/tones/sine-440.wav" synth 10 sine 440 gain -12
sox -n -r $rate -b 16 "$out/tones/sine-880.wav" synth 10 sine 880 gain -12
sox -n -r $rate -b 16 "$out/tones/square-500.wav" synth 10 square 500 gain -20
sox -n -r $rate -b 16 "$out/tones/triangle-650.wav" synth 10 triangle 650 gain -15
sox -n -r $rate -b 16 "$out/tones/sweep-300-1200.wav" synth 10 sine 300:1200 gain -12
sox -n -r $rate -b 16 "$out/tones/beeps-1000.wav" synth 0.3 sine 1000 gain -10 pad 0 0.7 repeat 9
sox -n -r $rate -b 16 "$out/tones/vibrato-520.wav" synth 10 sine 520 tremolo 5 40 gain -12

# Music boxes, chimes and lullabies: plucked and sine notes in 400-1500 Hz.
note() { # name freq duration kind
  sox -n -r $rate -b 16 -c 1 "$1" synth "$3" "$4" "$2" fade q 0.005 "$3" "$3" gain -14
}
melody() { # output kind duration freqs...
  local output=$1 kind=$2 duration=$3; shift 3
  local parts=()
  local k=0
  for f in "$@"; do
    note "/tmp/note-$$-$k.wav" "$f" "$duration" "$kind"
    parts+=("/tmp/note-$$-$k.wav")
    k=$((k + 1))
  done
  sox "${parts[@]}" "$output" repeat 2
  rm -f "${parts[@]}"
}
twinkle=(523 523 784 784 880 880 784 698 698 659 659 587 587 523)
brahms=(659 659 784 659 659 784 659 784 1047 988 880 880 784)
high=(1047 1175 1319 1397 1568 1319 1047 1175 988 1047)
melody "$out/music/musicbox-twinkle-pluck.wav" pluck 0.35 "${twinkle[@]}"
melody "$out/music/musicbox-brahms-pluck.wav" pluck 0.4 "${brahms[@]}"
melody "$out/music/musicbox-high-pluck.wav" pluck 0.25 "${high[@]}"
melody "$out/music/lullaby-twinkle-sine.wav" sine 0.5 "${twinkle[@]}"
melody "$out/music/lullaby-brahms-triangle.wav" triangle 0.6 "${brahms[@]}"
melody "$out/music/lullaby-low-square.wav" square 0.5 262 262 392 392 440 440 392 349 349 330 330 294 294 262
# Chimes: ringing, overlapping bell-like partials.
sox -n -r $rate -b 16 "$out/music/chime.wav" synth 3 pluck 880 pluck 1320 pluck 1760 fade q 0.002 3 2.5 gain -12 repeat 3

# Noise machines: white, pink and brown noise, and an amplitude-modulated "ocean".
sox -n -r $rate -b 16 "$out/noise/white.wav" synth 60 whitenoise gain -15
sox -n -r $rate -b 16 "$out/noise/pink.wav" synth 60 pinknoise gain -12
sox -n -r $rate -b 16 "$out/noise/brown.wav" synth 60 brownnoise gain -10
sox -n -r $rate -b 16 "$out/noise/ocean.wav" synth 60 pinknoise tremolo 0.1 80 gain -12
# Speech over a noise machine.
for f in "$out"/speech/speech-en-f*-p99.wav; do
  sox -m "$f" "$out/noise/pink.wav" "$out/noise/mix-$(basename "$f")" trim 0 "$(soxi -D "$f")"
done
echo "wrote $(find "$out" -name '*.wav' | wc -l) files to $out"
