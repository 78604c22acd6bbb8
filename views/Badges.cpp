#include "Badges.h"

#include <QLabel>

namespace daybreak {

void Badges::paint(QLabel *label, const QString &colour, const char *padding)
{
    label->setStyleSheet(
        colour.isEmpty()
            ? QString()
            : QStringLiteral("QLabel { background: %1; color: white; font-weight: bold; padding: "
                             "%2; }")
                  .arg(colour, QLatin1String(padding)));
}

} // namespace daybreak
