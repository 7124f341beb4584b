#!/bin/sh
# Refreshes the catalogues from every translated source: the GUI, the CLI and their common
# code (app/), the GIS layer (core/gis: report, error texts, reader warnings) and the
# Processing plugin (plugins/).
# greenfreight_zh_CN.ts is kept in full, greenfreight_en.ts with plural forms only (English
# source strings need no other translation).
# lupdate (Qt 5.15) misnames contexts in C++17 nested namespaces; ts_contexts.py renames them
# to lupdate's names before the update (so that existing translations merge) and back to the
# run-time names after it. Files that pass QT_TRANSLATE_NOOP to a translate() method get a
# second pass in which translate() is not a translation function (lupdate would skip them).
set -eu
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Sources only: lupdate would also read the .qml layer styles listed in the .qrc files.
find app core/gis plugins -name '*.cpp' -o -name '*.h' | sort > "$work/sources"
grep -l "translate( QT_TRANSLATE_NOOP" $(cat "$work/sources") > "$work/nested" || true
for ts in resources/translations/greenfreight_*.ts; do
  plural=""
  case "$ts" in *_en.ts) plural="-pluralonly" ;; esac
  python3 resources/translations/ts_contexts.py before "$ts"
  cp "$ts" "$work/nested.ts"
  for pass in all nested; do
    target="$ts"
    alias=""
    if [ "$pass" = nested ]; then
      target="$work/nested.ts"
      alias="-tr-function-alias translate=gfNotATranslationFunction"
    fi
    lupdate -no-obsolete -locations absolute -source-language en $plural $alias @"$work/$( [ "$pass" = all ] && echo sources || echo nested )" -ts "$target" 2>&1 \
      | grep -v -e "unknown namespace" -e "lacks Q_OBJECT macro" || true
  done
  python3 resources/translations/ts_contexts.py add "$ts" "$work/nested.ts"
  python3 resources/translations/ts_contexts.py after "$ts"
  lconvert -locations none -i "$ts" -o "$ts"
done
