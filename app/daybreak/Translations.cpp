#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace daybreak {

bool installTranslators(QCoreApplication &app, const QLocale &given)
{
    // The C locale (LANG=C, C.UTF-8: servers, containers, CI) reads English, plurals included.
    const QLocale locale =
        given.language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates) : given;
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *own = new QTranslator(&app);
    if (!own->load(locale, QStringLiteral("daybreak"), QStringLiteral("_"),
                   QStringLiteral(":/i18n")))
        return false;
    QCoreApplication::installTranslator(own);
    return true;
}

} // namespace daybreak
