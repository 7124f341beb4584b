#!/bin/sh
# Refreshes the catalogues from the GUI sources. lupdate (Qt 5.15) does not understand C++17
# nested namespaces, so it names contexts "MainWindow" where tr() at run time uses
# "gf::app::MainWindow": strip the prefix for lupdate to merge, then put it back.
set -eu
cd "$(dirname "$0")/../.."
for ts in resources/translations/greenfreight_*.ts; do
  sed -i 's|<name>gf::app::|<name>|' "$ts"
  lupdate -no-obsolete -locations none -source-language en app/gui -ts "$ts"
  sed -i 's|<name>\([A-Za-z]*\)</name>|<name>gf::app::\1</name>|' "$ts"
done
