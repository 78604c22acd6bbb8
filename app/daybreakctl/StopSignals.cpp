#include "StopSignals.h"

#include <QSocketNotifier>

#include <csignal>
#include <unistd.h>

namespace daybreak {

namespace {

int g_signalPipe[2] = {-1, -1};

// The only thing a signal handler may safely do here: tell the event loop which one came.
void onSignal(int signal)
{
    const char which = char(signal);
    [[maybe_unused]] const ssize_t written = ::write(g_signalPipe[1], &which, 1);
}

} // namespace

StopSignals::StopSignals()
{
    if (g_signalPipe[0] < 0 && ::pipe(g_signalPipe) != 0)
        return;
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
    m_notifier = std::make_unique<QSocketNotifier>(g_signalPipe[0], QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, [this] {
        char which = 0;
        if (::read(g_signalPipe[0], &which, 1) == 1)
            emit stopRequested(which == SIGINT ? QStringLiteral("SIGINT")
                                               : QStringLiteral("SIGTERM"));
    });
}

StopSignals::~StopSignals() = default;

} // namespace daybreak
