#!/bin/sh
# Refreshes the catalogues from the GUI sources: greenfreight_zh_CN.ts in full, and
# greenfreight_en.ts with plural forms only (English source strings need no other translation).
# lupdate (Qt 5.15) does not understand C++17 nested namespaces, so it names contexts
# "MainWindow" where tr() at run time uses "gf::app::MainWindow": strip the prefix for
# lupdate to merge, then put it back.
set -eu
cd "$(dirname "$0")/../.."
for ts in resources/translations/greenfreight_*.ts; do
  plural=""
  case "$ts" in *_en.ts) plural="-pluralonly" ;; esac
  sed -i 's|<name>gf::app::|<name>|' "$ts"
  lupdate -no-obsolete -locations none -source-language en $plural app/gui -ts "$ts" 2>&1 | grep -v "unknown namespace" || true
  sed -i 's|<name>\([A-Za-z]*\)</name>|<name>gf::app::\1</name>|' "$ts"
done
