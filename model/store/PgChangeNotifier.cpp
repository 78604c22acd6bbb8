#include "PgChangeNotifier.h"

#include "PgSchema.h"
#include "StoreTypes.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace daybreak {

PgChangeNotifier::PgChangeNotifier(PgTarget target, QObject *parent)
    : ChangeNotifier(parent), m_target(std::move(target)),
      m_connectionName(QStringLiteral("daybreak-listen-") +
                       QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_heartbeat.setInterval(2000);
    connect(&m_heartbeat, &QTimer::timeout, this, &PgChangeNotifier::heartbeat);
}

PgChangeNotifier::~PgChangeNotifier()
{
    close();
}

void PgChangeNotifier::start()
{
    close();
    QSqlDatabase db = openPgConnection(m_target, m_connectionName);
    m_open = true;
    const SocketWatchdog::Guard guard(&m_watchdog, pgSocket(db));
    if (!db.driver()->subscribeToNotification(QLatin1String(kPgChangeChannel)))
        throw StoreError(QStringLiteral("cannot LISTEN on %1: %2")
                             .arg(m_target.displayUrl(), db.driver()->lastError().text()));
    connect(db.driver(), &QSqlDriver::notification, this,
            [this](const QString &, QSqlDriver::NotificationSource, const QVariant &payload) {
                emit changed(payload.toString());
            });
    m_heartbeat.start();
}

void PgChangeNotifier::stop()
{
    close();
}

void PgChangeNotifier::heartbeat()
{
    QString why;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        QSqlQuery ping(db);
        const SocketWatchdog::Guard guard(&m_watchdog, pgSocket(db));
        if (ping.exec(QStringLiteral("SELECT 1"))) {
            emit alive();
            return;
        }
        why = m_watchdog.fired()
                  ? QStringLiteral("no answer within %1 s").arg(m_watchdog.limit().count() / 1000)
                  : ping.lastError().text().trimmed();
    }
    close();
    emit lost(QStringLiteral("%1 stopped answering: %2").arg(m_target.displayUrl(), why));
}

void PgChangeNotifier::close()
{
    m_heartbeat.stop();
    if (!m_open)
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isValid()) {
            db.driver()->disconnect(this);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_open = false;
}

} // namespace daybreak
