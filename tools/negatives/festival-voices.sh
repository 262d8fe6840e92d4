#!/usr/bin/env bash
# Builds a TRAINING-ONLY set of real non-cry voices from Festival's recorded voices: diphone databases and HTS
# models made from recordings of real speakers, among them a child and several women, speaking and calling at their
# own pitch and at raised pitch (the detector only opens on units with a median f0 of 340 Hz or more, so high female
# and child voices, excited or sing-song, are the voices most like a cry). espeak-ng (generate-negatives.sh) is
# formant synthesis; these are recordings.
#
# Usage: tools/negatives/festival-voices.sh OUT        (write to /tmp/negatives-festival, never into an eval set)
# Needs root for apt-get (packages already installed are used as they are), sox and python3; a voice whose package
# cannot be installed or does not load is skipped with a message.
#
# Output: OUT/speech/festival-<voice>__p<pitch %>-<part>.wav, 16 kHz mono s16, ~25-55 s each (4 parts per pitch, three
# pitches per voice, ~5-10 minutes per voice; a file that exists is kept, so an interrupted run resumes). The double
# underscore carries the SOURCE (one voice = one speaker), so every pitch of a speaker stays in one cross-validation fold. The set is for TRAINING only: treedump reads it with
# `--training-only OUT`, and no evaluation reads it, so the evaluation figures stay comparable with earlier sessions.
#
# Raised pitch: for the diphone voices Festival's own F0 targets are multiplied (Int_Targets is wrapped, see
# raise.scm below), so the pitch rises and the speaker's formants stay: excited or sing-song speech. HTS and
# cluster-unit voices take their F0 from their models, so those are raised with sox's `pitch` afterwards, which
# raises the formants with it (a smaller, child-like vocal tract); the part name says which (p160 / s160).
#
# Texts: the author's own sentences (calling a child's name, questions, exclamations, counting, nursery-rhyme-like
# lines) in each voice's language; no third-party text.
#
# Licences of the voice packages (Debian main; /usr/share/doc/<package>/copyright):
#   festival                      CSTR/CMU permissive (MIT-style)          the synthesiser
#   festvox-czech-krb             GPL-3+ (Brailcom)                        Czech, child (boy) diphones
#   festvox-czech-dita            GPL-3+ (Brailcom)                        Czech, female diphones
#   festvox-czech-machac          GPL-3+ (Brailcom)                        Czech, male diphones
#   festvox-italp16k              GPL-2+ (IFM / ISTC-CNR)                  Italian, female diphones (lp)
#   festvox-itapc16k              GPL-2+ (IFM / ISTC-CNR)                  Italian, male diphones (pc)
#   festvox-ca-ona-hts            BSD-3-clause / LGPL-2.1+ (UPC)           Catalan, female HTS model
#   festvox-suopuhe-lj            LGPL-2.1+ (University of Helsinki)       Finnish, female diphones
#   festvox-suopuhe-mv            LGPL-2.1+ (University of Helsinki)       Finnish, male diphones
#   festvox-us-slt-hts            BSD-3-clause / EST (CMU, HTS)            US English, female HTS model (arctic slt)
#   festvox-kallpc16k             CSTR/CMU permissive (MIT-style)          US English, male diphones (kal)
#   festvox-kdlpc16k              CSTR/CMU permissive (MIT-style)          US English, male diphones (ked)
#   festvox-ru                    BSD-like / GPL-3                         Russian, male cluster units
# (festvox-hi-nsk / -mr-nsk / -te-nsk are not used: their voices fail to load, "could not open hindi_phones.scm".)
# The WAVs are generated locally for training and are never committed.
set -euo pipefail
export LC_ALL=C.UTF-8

OUT=${1:?usage: festival-voices.sh OUT}
for tool in sox python3; do command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }; done
mkdir -p "$OUT/speech"
OUT=$(cd "$OUT" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# have PACKAGE: installed, or installed now (apt-have.sh).
source "$(dirname "${BASH_SOURCE[0]}")/apt-have.sh"

have festival || { echo "festival is needed" >&2; exit 1; }

# Multiplies every F0 target after the voice's own intonation module has placed them: the contour keeps its shape,
# mean and range rise together (as in excited or child-directed speech). Diphone voices resynthesise to these targets.
cat > "$WORK/raise.scm" <<'EOF'
(define (sb_scale_targets utt)
  (mapcar (lambda (t) (item.set_feat t "f0" (* sb_pitch_factor (item.feat t "f0")))) (utt.relation.items utt 'Target))
  utt)
(set! sb_orig_Int_Targets Int_Targets)
(define (Int_Targets utt) (sb_orig_Int_Targets utt) (sb_scale_targets utt))
EOF

# texts LANG: prints 4 parts (one per line, sentences separated by " | ") built from the language's names, calls,
# questions, exclamations, counting and rhyme-like lines, rotated so every part is a different mix.
texts() {
  python3 - "$1" <<'EOF'
import sys
T = {
 "en": dict(
  names=["Emma", "Lily", "Max", "Sophie", "Ben", "Mia", "Sam", "Rosie"],
  count="One, two, three, four, five, six, seven, eight, nine, ten!",
  lines=["{n}, where are you?", "{n}, come here, sweetheart!", "Oh no, what happened?", "Look at the big red balloon!",
   "Who wants a biscuit? Who wants one?", "Peekaboo! I see you!", "Up we go, and down we come!", "Wow, that is amazing!",
   "Are you hungry, little one?", "Twinkle, twinkle, little light, sleepy baby, say good night.", "Yes! Yes! Well done!",
   "Hurry up, we are going to be late!", "Can you find the little yellow duck?", "Round and round the garden, like a teddy bear.",
   "Mummy is here, don't worry, don't worry.", "Hooray! It is your birthday today!", "Shh, shh, the baby is sleeping.",
   "Where is the kitty? There it is!", "Oh dear, oh dear, the milk is all gone.", "Clap your hands and stamp your feet!"]),
 "cs": dict(
  names=["Aničko", "Tomášku", "Eliško", "Kubo", "Terezko", "Honzíku", "Markétko", "Ondro"],
  count="Jedna, dva, tři, čtyři, pět, šest, sedm, osm, devět, deset!",
  lines=["{n}, kde jsi?", "{n}, pojď sem, zlatíčko!", "Jéé, co se stalo?", "Podívej, velký červený balónek!",
   "Kdo chce sušenku? Kdo chce?", "Kuk! Tady jsi!", "Hop nahoru a hop dolů!", "To je krása!",
   "Máš hlad, broučku?", "Hají, hají, malé děťátko, už je noc a spí i koťátko.", "Ano! Ano! Výborně!",
   "Pospěš si, přijdeme pozdě!", "Najdeš žlutou kachničku?", "Vařila myšička kašičku na zeleném rendlíčku.",
   "Maminka je tady, neboj se, neboj.", "Hurá! Dneska máš narozeniny!", "Pst, pst, miminko spinká.",
   "Kde je kočička? Tady je!", "Ale ne, mlíčko je pryč.", "Tleskej ručičkama a dupej nožičkama!"]),
 "it": dict(
  names=["Giulia", "Marco", "Sofia", "Luca", "Chiara", "Matteo", "Anna", "Paolo"],
  count="Uno, due, tre, quattro, cinque, sei, sette, otto, nove, dieci!",
  lines=["{n}, dove sei?", "{n}, vieni qui, tesoro!", "Oh no, cosa è successo?", "Guarda il grande palloncino rosso!",
   "Chi vuole un biscotto? Chi lo vuole?", "Cucù! Ti vedo!", "Su, su, e giù, giù!", "Che meraviglia!",
   "Hai fame, piccolino?", "Ninna nanna, ninna oh, questo bimbo a chi lo do?", "Sì! Sì! Bravissimo!",
   "Sbrigati, siamo in ritardo!", "Trovi la paperella gialla?", "Giro giro tondo, casca il mondo, casca la terra!",
   "La mamma è qui, non piangere, non piangere.", "Evviva! Oggi è il tuo compleanno!", "Zitti, zitti, il bambino dorme.",
   "Dov'è il gattino? Eccolo!", "Oh cielo, il latte è finito.", "Batti le manine e pesta i piedini!"]),
 "ca": dict(
  names=["Laia", "Jordi", "Marta", "Pau", "Núria", "Arnau", "Clara", "Joan"],
  count="U, dos, tres, quatre, cinc, sis, set, vuit, nou, deu!",
  lines=["{n}, on ets?", "{n}, vine aquí, bonic!", "Ai, què ha passat?", "Mira el globus vermell tan gran!",
   "Qui vol una galeta? Qui en vol?", "Cucut! Ja et veig!", "Amunt, amunt, i avall!", "Quina meravella!",
   "Tens gana, petitó?", "Son, son, vine, vine, que el nen té son.", "Sí! Sí! Molt bé!",
   "Afanya't, que fem tard!", "Trobes l'aneguet groc?", "Plou i fa sol, les bruixes es pentinen!",
   "La mama és aquí, no ploris, no ploris.", "Visca! Avui és el teu aniversari!", "Xist, xist, el nen dorm.",
   "On és el gatet? Aquí està!", "Ai, ai, s'ha acabat la llet.", "Pica de mans i pica de peus!"]),
 "fi": dict(
  names=["Aino", "Eetu", "Helmi", "Onni", "Ella", "Leo", "Venla", "Niilo"],
  count="Yksi, kaksi, kolme, neljä, viisi, kuusi, seitsemän, kahdeksan, yhdeksän, kymmenen!",
  lines=["{n}, missä sinä olet?", "{n}, tule tänne, kulta!", "Voi ei, mitä tapahtui?", "Katso, iso punainen ilmapallo!",
   "Kuka haluaa keksin? Kuka haluaa?", "Kukkuu! Minä näen sinut!", "Ylös, ylös ja alas!", "Onpa hienoa!",
   "Onko sinulla nälkä, pikkuinen?", "Tuu tuu tupakkarulla, mistäs tiesit tänne tulla?", "Kyllä! Kyllä! Hienosti!",
   "Pidä kiirettä, me myöhästymme!", "Löydätkö keltaisen ankan?", "Leipuri Hiiri leipoo kakkua!",
   "Äiti on tässä, älä pelkää, älä pelkää.", "Hurraa! Tänään on sinun syntymäpäiväsi!", "Hys, hys, vauva nukkuu.",
   "Missä kissa on? Tuolla se on!", "Voi voi, maito loppui.", "Taputa käsiä ja polje jalkoja!"]),
 "ru": dict(
  names=["Маша", "Ваня", "Катя", "Миша", "Оля", "Петя", "Даша", "Саша"],
  count="Один, два, три, четыре, пять, шесть, семь, восемь, девять, десять!",
  lines=["{n}, где ты?", "{n}, иди сюда, солнышко!", "Ой, что случилось?", "Смотри, какой большой красный шарик!",
   "Кто хочет печенье? Кто хочет?", "Ку-ку! Я тебя вижу!", "Вверх, вверх, и вниз!", "Как здорово!",
   "Ты проголодался, малыш?", "Баю-баюшки-баю, не ложися на краю.", "Да! Да! Молодец!",
   "Скорее, мы опаздываем!", "Где жёлтая уточка?", "Ладушки, ладушки, где были? У бабушки!",
   "Мама здесь, не плачь, не плачь.", "Ура! Сегодня твой день рождения!", "Тише, тише, малыш спит.",
   "Где котёнок? Вот он!", "Ой-ой, молоко кончилось.", "Хлопай в ладоши и топай ногами!"]),
}[sys.argv[1]]
n = len(T["lines"])
for part in range(4):
    name = T["names"][part]
    picked = [T["lines"][(part * 7 + j * 3) % n].format(n=name) for j in range(7)]
    parts = [name + "!", picked[0], picked[1], picked[2], T["count"], picked[3], picked[4], name + ", " + picked[5], picked[6], name + "!"]
    print(" | ".join(parts))
EOF
}

# voice PACKAGE FESTIVAL-VOICE LANG KIND FACTOR FACTOR: 4 parts at the voice's own pitch and at the two raised factors.
# KIND is "targets" (diphone: F0 targets scaled, formants kept) or "sox" (model F0: sox pitch shift, formants raised).
voice() {
  local package=$1 name=$2 lang=$3 kind=$4; shift 4
  have "$package" || return 0
  local short=${name#voice_}; local source="festival-${short//_/-}"
  if ! echo "Hello." | text2wave -eval "($name)" -o "$WORK/probe.wav" >/dev/null 2>&1 || [ ! -s "$WORK/probe.wav" ]; then
    echo "skip: voice $name does not load" >&2
    return 0
  fi
  local part=0
  texts "$lang" > "$WORK/$lang.txt"
  for factor in 1.0 "$@"; do
    local percent
    percent=$(python3 -c "print(round($factor * 100))")
    part=0
    while IFS= read -r line; do
      part=$((part + 1))
      # Sentences on lines of their own give each its own phrase-final contour; a tempo per part varies the rhythm.
      printf '%s\n' "$line" | sed 's/ | /\n/g' > "$WORK/text.txt"
      # The Italian voices' letter-to-sound rules read Latin-1 (UTF-8 accents stop them with "no rule matches").
      if [ "$lang" = it ]; then iconv -f UTF-8 -t ISO-8859-1 "$WORK/text.txt" > "$WORK/text.l1" && mv "$WORK/text.l1" "$WORK/text.txt"; fi
      local stretch
      stretch=$(python3 -c "print([1.0, 0.9, 1.15, 1.05][$part % 4])")
      local tag=p
      local synth_factor=$factor
      if [ "$kind" = sox ]; then tag=s; synth_factor=1.0; fi
      local file
      file=$(printf '%s/speech/%s__%s%03d-%02d.wav' "$OUT" "$source" "$tag" "$percent" "$part")
      [ -s "$file" ] && continue
      text2wave -F 16000 -eval "($name)" -eval "(set! sb_pitch_factor $synth_factor)" -eval "$WORK/raise.scm" \
        -eval "(Parameter.set 'Duration_Stretch $stretch)" "$WORK/text.txt" -o "$WORK/raw.wav" >/dev/null 2>&1 \
        || { echo "skip: $file (text2wave failed)" >&2; continue; }
      # text2wave writes an empty WAV when a voice's rules reject the text: never keep one.
      [ "$(soxi -s "$WORK/raw.wav" 2>/dev/null || echo 0)" -gt 16000 ] || { echo "skip: $file (no audio)" >&2; continue; }
      if [ "$kind" = sox ] && [ "$factor" != 1.0 ]; then
        local cents
        cents=$(python3 -c "import math; print(round(1200 * math.log2($factor)))")
        sox -q "$WORK/raw.wav" -r 16000 -c 1 -b 16 "$WORK/out.wav" pitch "$cents" rate 16000 norm -3
      else
        sox -q "$WORK/raw.wav" -r 16000 -c 1 -b 16 "$WORK/out.wav" norm -3
      fi
      mv "$WORK/out.wav" "$file"
    done < "$WORK/$lang.txt"
  done
  echo "$source: $(ls "$OUT/speech/$source"__* | wc -l) files"
}

# Raised factors: the child and the women from ~200-250 Hz up to ~300-500 Hz; the men from ~100-120 Hz up to
# ~200-300 Hz (a raised, strained adult voice).
voice festvox-czech-krb   voice_czech_krb             cs targets 1.4 1.8
voice festvox-czech-dita  voice_czech_dita            cs targets 1.6 2.1
voice festvox-italp16k    voice_lp_diphone            it targets 1.6 2.1
voice festvox-ca-ona-hts  voice_upc_ca_ona_hts        ca sox     1.6 2.1
voice festvox-suopuhe-lj  voice_suo_fi_lj_diphone     fi targets 1.6 2.1
voice festvox-us-slt-hts  voice_cmu_us_slt_arctic_hts en sox     1.6 2.1
voice festvox-czech-machac voice_czech_machac         cs targets 1.8 2.6
voice festvox-itapc16k    voice_pc_diphone            it targets 1.8 2.6
voice festvox-suopuhe-mv  voice_hy_fi_mv_diphone      fi targets 1.8 2.6
voice festvox-kallpc16k   voice_kal_diphone           en targets 1.8 2.6
voice festvox-kdlpc16k    voice_ked_diphone           en targets 1.8 2.6
voice festvox-ru          voice_msu_ru_nsh_clunits    ru sox     1.8 2.6
echo "done: $(find "$OUT" -name '*.wav' | wc -l) files in $OUT"
