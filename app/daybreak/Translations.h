#pragma once

#include <QLocale>

class QCoreApplication;

namespace daybreak {

// The console speaks the user's language where a catalogue exists (translations/daybreak_*.ts,
// compiled into the program), and Qt's own dialogs do too (Debian's qt6-translations-l10n).
// English is the source language; its catalogue only gives the plurals their forms. Returns
// whether Daybreak's own catalogue for `locale` was found.
bool installTranslators(QCoreApplication &app, const QLocale &locale = QLocale());

} // namespace daybreak
