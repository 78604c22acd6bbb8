#include "StoreSession.h"

StoreSession::StoreSession(std::unique_ptr<Store> store, QObject *parent) : QObject(parent), m_store(std::move(store))
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &StoreSession::poll);
    m_timer.start();
    reload();
}

void StoreSession::reload()
{
    try {
        m_snapshot = m_store->snapshot();
        m_token = m_store->changeToken();
    } catch (const StoreError &e) {
        emit unavailable(e.message());
        return;
    }
    emit changed();
}

void StoreSession::poll()
{
    try {
        if (m_store->changeToken() == m_token)
            return;
    } catch (const StoreError &e) {
        emit unavailable(e.message());
        return;
    }
    reload();
}
