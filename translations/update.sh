#!/usr/bin/env bash
# Refreshes the catalogues from the sources: every tr() / QCoreApplication::translate() in ui/,
# viewer/ and app/ (leopard-cli has none: it stays English). New messages arrive "unfinished" and
# need translating (Qt Linguist, or by hand); messages gone from the code are dropped (-no-obsolete).
# tests/i18n checks that no catalogue has an unfinished message, so a refresh without translating
# fails the tests on purpose.
#
#   bash translations/update.sh          (LUPDATE=/path/to/lupdate to use another one)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
LUPDATE="${LUPDATE:-/usr/lib/qt6/bin/lupdate}"
# -I . : the sources include "ui/x.h" relative to the project root. Without the headers lupdate
# cannot see that MainWindow lives in leopard::ui (it does not understand "namespace leopard::ui {"
# on its own) and files its messages under "MainWindow", a context the program never asks for.
# inference/inference_worker.cpp: the model thread's messages, which the Ask dock shows (the rest of
# inference/ is plain C++ whose details stay English).
common=(-I . ui viewer app inference/inference_worker.cpp -no-obsolete -locations none -silent)
for lang in de fr zh_CN ja; do
  "$LUPDATE" "${common[@]}" -target-language "$lang" -ts "translations/leopard-desk_$lang.ts"
done
# English: only the plural forms ("%n page(s)" → "1 page", "2 pages"), as Qt recommends.
"$LUPDATE" "${common[@]}" -pluralonly -target-language en -ts translations/leopard-desk_en.ts
for f in translations/leopard-desk_*.ts; do
  printf '%s: %s messages, %s unfinished\n' "$f" "$(grep -c '<message' "$f")" \
    "$(grep -c 'type="unfinished"' "$f" || true)"
done
