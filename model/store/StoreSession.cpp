#include "StoreSession.h"

#include "StoreWorker.h"

#include <algorithm>

namespace daybreak {

OpenedStore StoreSession::prepare(std::unique_ptr<Store> store)
{
    OpenedStore opened;
    opened.location = store->location();
    opened.access = store->access();
    opened.serverNamesUsers = store->serverNamesUsers();
    opened.opener = store->opener();
    try {
        opened.snapshot = store->snapshot();
    } catch (const StoreError &e) {
        opened.readError = e.message();
    }
    return opened;
}

StoreSession::StoreSession(OpenedStore opened, QObject *parent)
    : QObject(parent), m_location(opened.location), m_access(opened.access),
      m_serverNamesUsers(opened.serverNamesUsers)
{
    m_lastAnswer.start();
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &StoreSession::retry);
    // The first picture comes from the connection just opened (the console is not shown yet);
    // from then on the store thread reads.
    if (opened.snapshot)
        m_snapshot = std::move(*opened.snapshot);
    else // opened a moment ago, so this is a fault in flight: keep trying like any other loss
        QTimer::singleShot(0, this, [this, message = opened.readError] { onFailed(message); });
    // What the store thread sends back goes to the inbox, which outlives this session until the
    // thread has ended; `alive` turns it away once the session is gone.
    m_inbox = new QObject;
    StoreWorker::Callbacks callbacks;
    callbacks.read = [this, alive = m_alive](const StoreSnapshot &s, const StoreChange &c) {
        if (*alive)
            onRead(s, c);
    };
    callbacks.answered = [this, alive = m_alive] {
        if (*alive)
            onAnswered();
    };
    callbacks.failed = [this, alive = m_alive](const QString &message) {
        if (*alive)
            onFailed(message);
    };
    m_thread = new QThread;
    m_worker = new StoreWorker(std::move(opened.opener), m_inbox, std::move(callbacks));
    m_worker->moveToThread(m_thread);
    // Connections belong to the thread that opened them: they close on it too, as it ends.
    connect(m_thread, &QThread::finished, m_worker, &StoreWorker::close, Qt::DirectConnection);
    m_thread->setObjectName(QStringLiteral("daybreak-store"));
    m_thread->start();
    m_reconnecting = true;
    toWorker([w = m_worker] { w->connectStore(); });
}

StoreSession::~StoreSession()
{
    *m_alive = false;
    m_thread->quit();
    // A quiet store thread ends at once. One in a call to a server that does not answer ends
    // within the answer limit (the watchdog cuts a hung server off); the console does not wait
    // for that: the thread, its worker and the inbox go when it has ended.
    if (m_thread->wait(kQuitWaitMs)) {
        delete m_worker;
        delete m_thread;
        delete m_inbox;
        return;
    }
    QThread *thread = m_thread;
    StoreWorker *worker = m_worker;
    QObject *inbox = m_inbox;
    connect(thread, &QThread::finished, inbox, [thread, worker, inbox] {
        delete worker;
        thread->deleteLater();
        inbox->deleteLater();
    });
    if (thread->isFinished()) { // it ended between the wait and the connection
        delete worker;
        delete thread;
        delete inbox;
    }
}

template <typename F> void StoreSession::toWorker(F call)
{
    // Counted until the store thread is through with it; what it posted back arrives first.
    ++m_pending;
    QMetaObject::invokeMethod(
        m_worker,
        // On the store thread: only what is captured by value, the session may be gone.
        [this, inbox = m_inbox, alive = m_alive, call = std::move(call)] {
            call();
            QMetaObject::invokeMethod(
                inbox,
                [this, alive] {
                    if (*alive)
                        --m_pending;
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void StoreSession::reload()
{
    if (!m_reachable)
        return; // the retry timer brings it back
    toWorker([w = m_worker] { w->reload(); });
}

void StoreSession::post(Job job)
{
    toWorker([inbox = m_inbox, alive = m_alive, w = m_worker, job = std::move(job)] {
        w->run([&](Store *store) {
            if (std::function<void()> then = job(store))
                QMetaObject::invokeMethod(
                    inbox,
                    [alive, then = std::move(then)] {
                        if (*alive)
                            then();
                    },
                    Qt::QueuedConnection);
        });
    });
}

void StoreSession::onRead(const StoreSnapshot &snapshot, const StoreChange &change)
{
    // The store thread's first read usually finds what the console opened with: rebuilding every
    // view for nothing cost 13,000-pipeline consoles half a second before their first paint.
    const bool same = m_firstRead && m_reachable && snapshot == m_snapshot;
    m_firstRead = false;
    m_snapshot = snapshot;
    onAnswered();
    if (m_reconnecting) {
        m_reconnecting = false;
        if (!m_reachable) {
            m_reachable = true;
            m_backoffMs = 0;
            emit recovered();
        }
    }
    if (!same)
        emit changed(change);
}

void StoreSession::onAnswered()
{
    m_lastAnswer.restart();
    emit answered();
}

void StoreSession::onFailed(const QString &message)
{
    m_reconnecting = false;
    m_reachable = false;
    m_backoffMs = m_backoffMs == 0 ? kFirstRetryMs : std::min(m_backoffMs * 2, kMaxRetryMs);
    m_retry.start(m_backoffMs);
    emit unavailable(message);
}

void StoreSession::retry()
{
    m_reconnecting = true;
    toWorker([w = m_worker] { w->connectStore(); });
}

} // namespace daybreak
