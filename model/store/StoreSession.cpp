#include "StoreSession.h"

#include <algorithm>

namespace daybreak {

StoreSession::StoreSession(std::unique_ptr<Store> store, QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_notifier(m_store->createNotifier())
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &StoreSession::retry);
    // One commit can announce several tables (a plan edit: settings, waves, members): read once.
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(kCoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &StoreSession::reload);
    connect(m_notifier.get(), &ChangeNotifier::changed, &m_coalesce, qOverload<>(&QTimer::start));
    connect(m_notifier.get(), &ChangeNotifier::lost, this, &StoreSession::lose);
    try {
        m_notifier->start();
        m_snapshot = m_store->snapshot();
    } catch (const StoreError &e) {
        // Opened a moment ago, so this is a fault in flight: keep trying like any other loss.
        QTimer::singleShot(0, this, [this, message = e.message()] { lose(message); });
    }
}

StoreSession::~StoreSession()
{
    m_notifier.reset(); // its connection goes before the store's
}

void StoreSession::reload()
{
    if (!m_reachable)
        return; // the retry timer brings it back
    try {
        m_snapshot = m_store->snapshot();
    } catch (const StoreError &e) {
        lose(e.message());
        return;
    }
    emit changed();
}

void StoreSession::lose(const QString &message)
{
    m_notifier->stop();
    m_reachable = false;
    m_backoffMs = m_backoffMs == 0 ? kFirstRetryMs : std::min(m_backoffMs * 2, kMaxRetryMs);
    m_retry.start(m_backoffMs);
    emit unavailable(message);
}

void StoreSession::retry()
{
    try {
        m_store->reconnect();
        m_notifier->start();
        m_snapshot = m_store->snapshot();
    } catch (const StoreError &e) {
        lose(e.message());
        return;
    }
    m_reachable = true;
    m_backoffMs = 0;
    emit recovered();
    emit changed();
}

} // namespace daybreak
