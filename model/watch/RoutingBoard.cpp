#include "RoutingBoard.h"

namespace daybreak {

RoutingBoard::View RoutingBoard::view() const
{
    std::lock_guard lock(m_mutex);
    return m_view;
}

void RoutingBoard::publish(std::shared_ptr<const LastKnownRouting> routing, const QDateTime &asOf)
{
    std::lock_guard lock(m_mutex);
    m_view = View{std::move(routing), asOf, true, {}};
}

void RoutingBoard::unreachable(const QString &why)
{
    std::lock_guard lock(m_mutex);
    m_view.reachable = false;
    m_view.why = why;
}

void RoutingBoard::setLastRan(const QDateTime &at)
{
    std::lock_guard lock(m_mutex);
    m_lastRan = at;
}

QDateTime RoutingBoard::lastRan() const
{
    std::lock_guard lock(m_mutex);
    return m_lastRan;
}

void RoutingBoard::noteReader(const QString &pipeline, const ReadReceipt &receipt)
{
    std::lock_guard lock(m_mutex);
    m_readers.insert({pipeline, receipt.host + QLatin1Char('\n') + receipt.caller}, receipt);
}

QHash<QPair<QString, QString>, ReadReceipt> RoutingBoard::takeReaders()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_readers, {});
}

} // namespace daybreak
