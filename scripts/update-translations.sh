#!/usr/bin/env bash
# Adds new texts of the sources to the catalogues in translations/ and drops the ones no source
# has any more. German (daybreak_de.ts) takes every text; English (daybreak_en.ts) only the
# plurals ("%n pipeline(s)" → "1 pipeline", "2 pipelines"), the rest being the source itself.
# Fill the new entries in Qt Linguist (or by hand: each <translation type="unfinished">), then
# build: lrelease compiles them into the program. qt_add_translations' update_translations target
# does the same through lupdate's project file, which on Qt 6.4 takes many minutes.
set -euo pipefail
cd "$(dirname "$0")/../translations"
mapfile -t sources < <(cd .. && find app views model -name '*.cpp' | sort | sed 's|^|../|')
lupdate=/usr/lib/qt6/bin/lupdate
"$lupdate" "${sources[@]}" -no-obsolete -ts daybreak_de.ts
"$lupdate" "${sources[@]}" -no-obsolete -pluralonly -ts daybreak_en.ts
echo "untranslated in daybreak_de.ts: $(grep -c 'type="unfinished"' daybreak_de.ts || true)"
