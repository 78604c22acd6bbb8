#include "PollingChangeNotifier.h"

#include "SqliteStore.h"

namespace daybreak {

PollingChangeNotifier::PollingChangeNotifier(SqliteStore &store, QObject *parent)
    : ChangeNotifier(parent), m_store(store)
{
    m_timer.setInterval(500);
    connect(&m_timer, &QTimer::timeout, this, &PollingChangeNotifier::poll);
}

void PollingChangeNotifier::start()
{
    m_token = m_store.changeToken();
    m_timer.start();
}

void PollingChangeNotifier::poll()
{
    try {
        const qint64 token = m_store.changeToken();
        emit alive();
        if (token == m_token)
            return;
        m_token = token;
    } catch (const StoreError &e) {
        m_timer.stop();
        emit lost(e.message());
        return;
    }
    emit changed(QString());
}

} // namespace daybreak
