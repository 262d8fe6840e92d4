#!/usr/bin/env bash
# Builds a larger, mostly RECORDED non-cry evaluation set from Debian packages: real voices (IVR prompts in five
# languages, spoken stamp descriptions in a dozen languages, acted cartoon voices, a singer), real animals, real
# music, household alert sounds, and sampled-instrument lullabies rendered from MIDI (choir, voice, flute, violin…,
# with vibrato, in the 250-700 Hz range of a cry's f0 — the hardest negatives we know of).
#
# Usage: tools/negatives/debian-negatives.sh OUT
# Needs root for apt-get (packages already installed are used as they are), ffmpeg and python3 (header parsing,
# GCompris resource bundles, MIDI writing); a package that cannot be installed skips its part with a message.
#
# Output: OUT/<category>/<source>__<name>.wav, 16 kHz mono s16. The double underscore carries the SOURCE (one speaker,
# voice pack, recording or package part) so DonateACrySplit.NegativeSource splits by source, never by file.
# Clips under 0.5 s are dropped; shorter clips of one source are joined (0.5 s of silence between) into ~20-30 s
# files (a pack closes at 20 s, so most run 20-30 s); clips of 30 s or more stay whole. Deterministic: same packages
# in, same bytes out (sorted lists, bit-exact WAV output, MIDI written here).
# Licences: all packages are from Debian main (free licences, see docs/cry-engine.md); the set is for local
# evaluation only and must never be committed.
set -euo pipefail
export LC_ALL=C

OUT=${1:?usage: debian-negatives.sh OUT}
for tool in ffmpeg ffprobe python3; do command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }; done
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
MANIFEST="$WORK/manifest.tsv" # category <TAB> source <TAB> path, one clip a line
: > "$MANIFEST"
# have PACKAGE: installed, or installed now (apt-have.sh).
source "$(dirname "${BASH_SOURCE[0]}")/apt-have.sh"

# add CATEGORY SOURCE: reads clip paths on stdin, appends them to the manifest in a stable order.
add() {
  sort -u | while IFS= read -r f; do printf '%s\t%s\t%s\n' "$1" "$2" "$f"; done >> "$MANIFEST"
}

audio_of() { dpkg -L "$1" | grep -E '\.(wav|ogg|oga|mp3|flac|opus)$' || true; }

# --- Real recorded speech: telephone-prompt voices (one professional speaker per language). ---
for lang in en es fr it ru; do
  if have "asterisk-core-sounds-$lang-wav"; then
    audio_of "asterisk-core-sounds-$lang-wav" | add speech "asterisk-$lang"
  fi
done

# --- ALSA's test voice (a real speaker) and its pink noise. ---
if have alsa-utils; then
  audio_of alsa-utils | grep -v Noise | add speech alsa-voice
  audio_of alsa-utils | grep Noise | add household alsa-noise
fi

# --- Tux Paint: spoken stamp descriptions (one recording set per language), real animal and object sounds. ---
if have tuxpaint-stamps-default; then
  stamps=$(audio_of tuxpaint-stamps-default)
  for lang in $(printf '%s\n' "$stamps" | sed -nE 's/.*_desc_([a-zA-Z_]+)\.(ogg|wav)$/\1/p' | sort -u); do
    printf '%s\n' "$stamps" | grep -E "_desc_${lang}\.(ogg|wav)$" | add speech "tuxpaint-desc-$lang"
  done
  printf '%s\n' "$stamps" | grep -E '_desc\.(ogg|wav)$' | add speech tuxpaint-desc-en
  sfx=$(printf '%s\n' "$stamps" | grep -vE '_desc(_[a-zA-Z_]+)?\.(ogg|wav)$')
  for dir in $(printf '%s\n' "$sfx" | awk -F/ '{print $(NF-1)}' | sort -u); do
    case $dir in
      birds|bovines|mammals|insects|rodents|aquatic|equines|deer|marsupials|dogs|cats|camel|apes|reptiles|amphibians|primates) cat=animals ;;
      *) cat=household ;;
    esac
    printf '%s\n' "$sfx" | grep "/$dir/" | add "$cat" "tuxpaint-sfx-$dir"
  done
fi
if have tuxpaint-data; then
  audio_of tuxpaint-data | add household tuxpaint-ui
fi

# --- Fish Fillets: acted dialogue (cartoon voices, several actors) in three languages, and its music. ---
for lang in en cs nl; do
  pkg=fillets-ng-data; [ "$lang" = en ] || pkg=fillets-ng-data-$lang
  if have "$pkg"; then
    audio_of "$pkg" | grep "/sound/[^/]*/$lang/" | add tv "fillets-ng-$lang"
  fi
done
if dpkg -s fillets-ng-data >/dev/null 2>&1; then
  audio_of fillets-ng-data | grep /music/ | add music fillets-ng-music
fi

# --- Hedgewars: acted character voice packs (one source each; "Singer" sings), game sounds, music. ---
if have hedgewars-data; then
  hw=$(audio_of hedgewars-data)
  for pack in $(printf '%s\n' "$hw" | sed -nE 's#.*/Sounds/voices/([^/]+)/.*#\1#p' | sort -u); do
    cat=tv; [ "$pack" = Singer ] && cat=singing
    printf '%s\n' "$hw" | grep "/Sounds/voices/$pack/" | add "$cat" "hedgewars-$(echo "$pack" | tr 'A-Z_' 'a-z-')"
  done
  printf '%s\n' "$hw" | grep -E '/Sounds/[^/]+$' | add tv hedgewars-sfx
  printf '%s\n' "$hw" | grep /Music/ | add music hedgewars-music
fi

# --- Orchestral game music (one track is a sung Nunc Dimittis) and telephone hold music. ---
if have wesnoth-1.16-music; then
  audio_of wesnoth-1.16-music | grep -v nunc_dimittis | add music wesnoth-music
  audio_of wesnoth-1.16-music | grep nunc_dimittis | add singing wesnoth-nunc-dimittis
fi
if have asterisk-moh-opsound-wav; then
  audio_of asterisk-moh-opsound-wav | add music asterisk-moh
fi

# --- Desktop and phone alert sounds (rings, bells, chimes). ---
for pkg in oxygen-sounds sound-theme-freedesktop sound-icons; do
  if have "$pkg"; then audio_of "$pkg" | add household "$pkg"; fi
done

# --- GCompris: world music, instruments, farm animals, everyday sounds, carved out of its Qt resource bundles
#     (Ogg streams are stored uncompressed in them; each stream runs from its first page to its end-of-stream page). ---
carve_ogg() { # carve_ogg BUNDLE DIR
  python3 - "$1" "$2" <<'PY'
import os, sys
data = open(sys.argv[1], "rb").read()
out, streams, n, i = sys.argv[2], {}, 0, 0
os.makedirs(out, exist_ok=True)
while True:
    i = data.find(b"OggS", i)
    if i < 0 or i + 27 > len(data):
        break
    nseg = data[i + 26]
    length = 27 + nseg + sum(data[i + 27:i + 27 + nseg])
    flags, serial = data[i + 5], data[i + 14:i + 18]
    if data[i + 4] != 0 or i + length > len(data):
        i += 4
        continue
    if flags & 2:
        streams[serial] = bytearray()
    if serial in streams:
        streams[serial] += data[i:i + length]
        if flags & 4:
            n += 1
            open(os.path.join(out, "%04d.ogg" % n), "wb").write(streams.pop(serial))
    i += length
PY
}
if command -v python3 >/dev/null && have gcompris-qt-data; then
  for pair in explore_world_music:music:gcompris-world-music instruments:music:gcompris-instruments \
              explore_farm_animals:animals:gcompris-farm-animals memory-sound:household:gcompris-memory-sound \
              core:household:gcompris-core; do
    IFS=: read -r bundle cat src <<< "$pair"
    if [ -f "/usr/share/gcompris-qt/rcc/$bundle.rcc" ]; then
      carve_ogg "/usr/share/gcompris-qt/rcc/$bundle.rcc" "$WORK/gcompris/$bundle"
      find "$WORK/gcompris/$bundle" -name '*.ogg' | add "$cat" "$src"
    fi
  done
else
  echo "skip: GCompris sounds (needs python3 and gcompris-qt-data)" >&2
fi

# --- Lullabies on sampled instruments (choir, voice, flute, violin, oboe, clarinet, music box…), with vibrato,
#     melodies in 250-700 Hz; MIDI written here, rendered with FluidSynth and the Fluid R3 GM soundfont. ---
if command -v python3 >/dev/null && have fluidsynth && have fluid-soundfont-gm; then
  python3 - "$WORK/midi" <<'PY'
import os, struct, sys
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
# Melodies as (MIDI note, beats); 0 = rest. All notes within MIDI 59-77 (247-698 Hz).
C, D, E, F, G, A, B, C5, D5, E5, F5, G5 = 60, 62, 64, 65, 67, 69, 71, 72, 74, 76, 77, 79
melodies = {
    "twinkle": [(C,1),(C,1),(G,1),(G,1),(A,1),(A,1),(G,2),(F,1),(F,1),(E,1),(E,1),(D,1),(D,1),(C,2)] * 2,
    "brahms": [(E,.5),(E,.5),(G,2),(E,.5),(E,.5),(G,2),(E,.5),(G,.5),(C5,1),(B,1.5),(A,.5),(A,1),(G,1),
               (D,.5),(E,.5),(F,1),(D,1),(D,.5),(E,.5),(F,2),(D,.5),(F,.5),(B,.5),(A,.5),(G,1),(B,1),(C5,2)] * 2,
    "rockabye": [(E,1.5),(G,.5),(E5,2),(D5,1.5),(C5,.5),(G,2),(E,1.5),(G,.5),(C5,1),(D5,1),(E5,3),(0,1),
                 (D5,1.5),(C5,.5),(A,2),(G,1.5),(F,.5),(E,2)] * 2,
    "hush": [(G,1),(E5,1),(E5,1),(E5,1),(F5,1),(E5,1),(D5,1),(D5,2),(G,1),(D5,1),(D5,1),(D5,1),(E5,1),
             (D5,1),(C5,1),(C5,2)] * 2,
    "hummed": [(A,2),(G,1),(E,3),(G,2),(A,1),(C5,3),(D5,2),(C5,1),(A,2),(G,1),(E,4),(0,1)] * 2,
}
patches = {"choir-aahs": 52, "voice-oohs": 53, "synth-voice": 54, "flute": 73, "violin": 40, "oboe": 68,
           "clarinet": 71, "music-box": 10, "celesta": 8, "recorder": 74, "whistle": 78}
tempos = {"slow": 66, "medium": 88}

def vlq(n):
    b = [n & 0x7F]
    while n > 127:
        n >>= 7
        b.insert(0, (n & 0x7F) | 0x80)
    return bytes(b)

tpq = 480
for mname, notes in melodies.items():
    for pname, program in patches.items():
        for tname, bpm in tempos.items():
            ev = bytearray()
            ev += vlq(0) + b"\xff\x51\x03" + struct.pack(">I", 60000000 // bpm)[1:]
            ev += vlq(0) + bytes([0xC0, program])
            ev += vlq(0) + bytes([0xB0, 101, 0]) + vlq(0) + bytes([0xB0, 100, 0]) + vlq(0) + bytes([0xB0, 6, 2])
            sec_per_tick = 60.0 / bpm / tpq
            step = 24  # pitch-bend update every 24 ticks
            pending = 0  # ticks since the last event
            for note, beats in notes:
                ticks = int(beats * tpq)
                if not note:
                    pending += ticks
                    continue
                ev += vlq(pending) + bytes([0x90, note, 80])
                pending, t = 0, 0
                while t < ticks:
                    # Vibrato: 5.5 Hz, +-0.3 semitone (a triangle wave, so it is exact and repeatable).
                    phase = (t * sec_per_tick * 5.5) % 1.0
                    tri = 4 * phase - 1 if phase < .5 else 3 - 4 * phase
                    bend = 8192 + int(tri * 0.15 * 8191)
                    ev += vlq(pending) + bytes([0xE0, bend & 0x7F, bend >> 7])
                    pending = min(step, ticks - t)
                    t += pending
                ev += vlq(pending) + bytes([0x80, note, 0])
                pending = 0
            ev += vlq(tpq) + b"\xff\x2f\x00"
            track = b"MTrk" + struct.pack(">I", len(ev)) + bytes(ev)
            head = b"MThd" + struct.pack(">IHHH", 6, 0, 1, tpq)
            open(os.path.join(out, f"{pname}__{mname}-{tname}.mid"), "wb").write(head + track)
PY
  sf=/usr/share/sounds/sf2/FluidR3_GM.sf2
  for mid in "$WORK"/midi/*.mid; do
    name=$(basename "$mid" .mid)
    fluidsynth -ni -q -g 0.5 -r 16000 -F "$WORK/midi/$name.wav" "$sf" "$mid" >/dev/null 2>&1 || continue
    printf '%s\n' "$WORK/midi/$name.wav" | add lullaby "midi-${name%%__*}"
  done
else
  echo "skip: MIDI lullabies (needs python3, fluidsynth and fluid-soundfont-gm)" >&2
fi

# --- Join and convert. Durations come from the file headers (WAV sizes, the last Ogg page's granule position), so
#     clips under 0.5 s are dropped and packs are planned without starting ffmpeg per clip; then one ffmpeg per output
#     file decodes its clips, makes them 16 kHz mono s16 and joins them with 0.5 s of silence (two at a time). ---
python3 - "$MANIFEST" "$OUT" <<'PY'
import concurrent.futures, os, struct, subprocess, sys

MIN, LONG, TARGET, GAP = 0.5, 30.0, 20.0, 0.5  # seconds

def duration(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] == b"RIFF":
        i, rate, size = 12, None, None
        while i + 8 <= len(data):
            cid, n = data[i:i + 4], struct.unpack("<I", data[i + 4:i + 8])[0]
            if cid == b"fmt ":
                rate = struct.unpack("<I", data[i + 16:i + 20])[0]  # bytes per second
            elif cid == b"data":
                size = min(n, len(data) - i - 8)
            i += 8 + n + (n & 1)
        return size / rate if rate and size is not None else None
    if data[:4] == b"OggS":
        head = data[28:28 + 64]
        if head[1:7] == b"vorbis":
            rate = struct.unpack("<I", head[12:16])[0]
        elif head[:8] == b"OpusHead":
            rate = 48000
        else:
            return None
        last = data.rfind(b"OggS")
        granule = struct.unpack("<q", data[last + 6:last + 14])[0]
        return granule / rate if rate else None
    return None

def probe(path):
    d = duration(path)
    if d is not None:
        return d
    r = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", path],
                       capture_output=True, text=True)
    try:
        return float(r.stdout.strip())
    except ValueError:
        print(f"skip: cannot read {path}", file=sys.stderr)
        return 0.0

manifest, out = sys.argv[1], sys.argv[2]
groups = {}
for line in open(manifest, encoding="utf-8"):
    cat, src, path = line.rstrip("\n").split("\t", 2)
    groups.setdefault((cat, src), []).append(path)

jobs = []
for (cat, src), paths in groups.items():
    os.makedirs(os.path.join(out, cat), exist_ok=True)
    packs, pack, total = [], [], 0.0
    for path in paths:
        d = probe(path)
        if d < MIN:
            continue
        if d >= LONG:
            stem = os.path.splitext(os.path.basename(path))[0].replace("__", "_")
            jobs.append((os.path.join(out, cat, f"{src}__{stem}.wav"), [path]))
            continue
        pack.append(path)
        total += d + GAP
        if total >= TARGET:
            packs.append(pack)
            pack, total = [], 0.0
    if pack:
        packs.append(pack)
    for part, members in enumerate(packs, 1):
        jobs.append((os.path.join(out, cat, f"{src}__part-{part:03d}.wav"), members))

def run(job):
    dest, paths = job
    cmd = ["ffmpeg", "-nostdin", "-v", "error", "-y"]
    chains, labels = [], []
    for i, path in enumerate(paths):
        cmd += ["-i", path]
        pad = f",apad=pad_dur={GAP}" if i < len(paths) - 1 else ""
        chains.append(f"[{i}:a]aresample=16000,aformat=sample_fmts=s16:channel_layouts=mono{pad}[a{i}]")
        labels.append(f"[a{i}]")
    graph = ";".join(chains) + ";" + "".join(labels) + f"concat=n={len(paths)}:v=0:a=1[out]"
    cmd += ["-filter_complex", graph, "-map", "[out]", "-c:a", "pcm_s16le",
            "-fflags", "+bitexact", "-flags:a", "+bitexact", "-map_metadata", "-1", dest]
    if subprocess.run(cmd).returncode != 0:
        print(f"skip: could not write {dest}", file=sys.stderr)

with concurrent.futures.ThreadPoolExecutor(2) as pool:
    list(pool.map(run, jobs))
PY

# --- Summary: files and hours per category. ---
rate=32000 # bytes per second of 16 kHz mono s16
echo "category        files    hours  sources"
total_files=0 total_bytes=0
for dir in "$OUT"/*/; do
  cat=$(basename "$dir")
  files=$(find "$dir" -name '*.wav' | wc -l)
  bytes=$(find "$dir" -name '*.wav' -printf '%s\n' | awk '{s += $1 - 44} END {print s + 0}')
  sources=$(find "$dir" -name '*__*.wav' -printf '%f\n' | sed 's/__.*//' | sort -u | wc -l)
  printf '%-14s %6d %8.3f  %6d\n' "$cat" "$files" "$(awk -v b="$bytes" -v r="$rate" 'BEGIN {print b / r / 3600}')" "$sources"
  total_files=$((total_files + files)) total_bytes=$((total_bytes + bytes))
done
printf '%-14s %6d %8.3f\n' total "$total_files" "$(awk -v b="$total_bytes" -v r="$rate" 'BEGIN {print b / r / 3600}')"
