#include "SocketWatchdog.h"

#include <sys/socket.h>

namespace daybreak {

SocketWatchdog::SocketWatchdog(std::chrono::milliseconds limit)
    : m_limit(limit), m_thread([this] { watch(); })
{
}

SocketWatchdog::~SocketWatchdog()
{
    {
        const std::lock_guard lock(m_mutex);
        m_quit = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void SocketWatchdog::arm(int socket)
{
    {
        const std::lock_guard lock(m_mutex);
        m_fired = false;
        if (socket < 0)
            return;
        m_socket = socket;
        m_deadline = std::chrono::steady_clock::now() + m_limit;
    }
    m_wake.notify_all();
}

void SocketWatchdog::disarm()
{
    {
        const std::lock_guard lock(m_mutex);
        m_socket = -1;
    }
    m_wake.notify_all();
}

bool SocketWatchdog::fired() const
{
    const std::lock_guard lock(m_mutex);
    return m_fired;
}

void SocketWatchdog::watch()
{
    std::unique_lock lock(m_mutex);
    while (!m_quit) {
        if (m_socket < 0) {
            m_wake.wait(lock);
            continue;
        }
        const auto deadline = m_deadline;
        if (m_wake.wait_until(lock, deadline) == std::cv_status::timeout && m_socket >= 0 &&
            m_deadline == deadline) {
            // Ends the wait: the blocked read returns at once with an error.
            ::shutdown(m_socket, SHUT_RDWR);
            m_socket = -1;
            m_fired = true;
        }
    }
}

} // namespace daybreak
