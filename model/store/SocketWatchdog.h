#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace daybreak {

// Bounds how long one blocking call on a connection's socket may wait. A server whose processes
// are stopped, or one behind a partition that still acknowledges, never answers and never
// resets the connection, so neither TCP timeouts nor keepalives end the wait. Armed with the
// socket before the call and disarmed after it; when the limit passes first, the socket is shut
// down, the call returns with a connection error, and fired() says why.
class SocketWatchdog
{
public:
    explicit SocketWatchdog(std::chrono::milliseconds limit);
    ~SocketWatchdog();
    SocketWatchdog(const SocketWatchdog &) = delete;
    SocketWatchdog &operator=(const SocketWatchdog &) = delete;

    void arm(int socket); // a negative socket arms nothing
    void disarm();
    bool fired() const; // the last armed call ran out of time
    std::chrono::milliseconds limit() const { return m_limit; }

    // Arms for one scope.
    class Guard
    {
    public:
        Guard(SocketWatchdog *watchdog, int socket) : m_watchdog(watchdog)
        {
            if (m_watchdog)
                m_watchdog->arm(socket);
        }
        ~Guard()
        {
            if (m_watchdog)
                m_watchdog->disarm();
        }
        Guard(const Guard &) = delete;
        Guard &operator=(const Guard &) = delete;

    private:
        SocketWatchdog *m_watchdog;
    };

private:
    void watch();

    const std::chrono::milliseconds m_limit;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::chrono::steady_clock::time_point m_deadline;
    int m_socket = -1;
    bool m_fired = false;
    bool m_quit = false;
    std::thread m_thread; // last: starts once everything above is set
};

} // namespace daybreak
