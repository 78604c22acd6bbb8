#include "StoreBars.h"

#include "Badges.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace daybreak {

StoreBars::StoreBars(QWidget *parent)
    : QWidget(parent), m_unreachable(new QLabel(this)), m_readOnly(new QLabel(this))
{
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    m_unreachable->setObjectName(QStringLiteral("unreachableBar"));
    m_unreachable->setWordWrap(true);
    Badges::paint(m_unreachable, QLatin1String(Badges::kAlarm), "6px 10px");
    m_unreachable->hide();
    column->addWidget(m_unreachable);
    m_readOnly->setObjectName(QStringLiteral("readOnlyBar"));
    m_readOnly->setWordWrap(true);
    m_readOnly->setTextInteractionFlags(Qt::TextSelectableByMouse);
    Badges::paint(m_readOnly, QLatin1String(Badges::kReadOnly), "6px 10px");
    m_readOnly->hide();
    column->addWidget(m_readOnly);
}

void StoreBars::showUnreachable(double retrySeconds, const QString &message)
{
    m_unreachable->setText(
        tr("Store unreachable: what you see is frozen and no change can be made. Reconnecting by "
           "itself (next attempt in %1 s).\n%2")
            .arg(QLocale().toString(retrySeconds, 'f', 1), message.left(300)));
    m_unreachable->show();
}

void StoreBars::hideUnreachable()
{
    m_unreachable->hide();
}

void StoreBars::showReadOnly(const QString &user, const QString &reason)
{
    m_readOnly->setText(
        tr("Read-only: %1 may only read this store: %2").arg(user, reason.left(600)));
    m_readOnly->setToolTip(reason);
    m_readOnly->setVisible(!reason.isEmpty());
}

} // namespace daybreak
