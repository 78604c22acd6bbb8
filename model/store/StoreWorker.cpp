#include "StoreWorker.h"

#include <QLoggingCategory>

namespace daybreak {

Q_LOGGING_CATEGORY(lcFeed, "daybreak.feed")

StoreWorker::StoreWorker(Store::Opener opener, QObject *receiver, Callbacks callbacks)
    : m_opener(std::move(opener)), m_receiver(receiver), m_callbacks(std::move(callbacks))
{
}

StoreWorker::~StoreWorker() = default;

void StoreWorker::post(std::function<void()> call)
{
    QMetaObject::invokeMethod(m_receiver, std::move(call), Qt::QueuedConnection);
}

void StoreWorker::fail(const QString &message)
{
    m_connected = false;
    if (m_notifier)
        m_notifier->stop();
    post([callback = m_callbacks.failed, message] { callback(message); });
}

void StoreWorker::connectStore()
{
    try {
        if (!m_store)
            m_store = m_opener();
        else
            m_store->reconnect();
        if (!m_notifier) {
            m_notifier = m_store->createNotifier();
            // One commit can announce several tables (a plan edit: settings, waves, members),
            // and a busy night's orchestrator commits ten times a second: read at most once per
            // kCoalesceMs, counted from the first announcement (never pushed back by the next,
            // or a steady stream would starve the reads).
            m_coalesce = new QTimer(this);
            m_coalesce->setSingleShot(true);
            m_coalesce->setInterval(kCoalesceMs);
            connect(m_coalesce, &QTimer::timeout, this, &StoreWorker::read);
            connect(m_notifier.get(), &ChangeNotifier::changed, m_coalesce, [this] {
                if (!m_coalesce->isActive())
                    m_coalesce->start();
            });
            connect(m_notifier.get(), &ChangeNotifier::lost, this, &StoreWorker::fail);
            connect(m_notifier.get(), &ChangeNotifier::alive, this,
                    [this] { post(m_callbacks.answered); });
        }
        m_notifier->start();
        // Back after an outage, what the notifier missed is not known: one whole read.
        m_fullReadWhy = m_fullReads > 0 ? QStringLiteral("reconnected after an outage")
                                        : QStringLiteral("the first read");
        m_picture.reset();
        m_connected = true;
    } catch (const StoreError &e) {
        fail(e.message());
        return;
    }
    read();
}

void StoreWorker::catchUp(bool answerAlways)
{
    if (!m_connected)
        return;
    try {
        StoreChange change;
        if (!m_picture) {
            m_picture = m_store->snapshot();
            change = StoreChange::all(m_fullReadWhy);
        } else {
            change = m_store->follow(*m_picture);
            if (change.isEmpty() && !answerAlways) { // a commit of nothing a console shows
                post(m_callbacks.answered);
                return;
            }
        }
        if (!change.isEmpty() || !m_routing) {
            QString problem;
            m_routing = LastKnownRouting::remember(
                *m_store, LastKnownRouting::storeKeyOf(m_store->location()), m_clock.now(),
                &problem, m_routing ? &*m_routing : nullptr);
            if (!problem.isEmpty())
                qCWarning(lcFeed, "last-known routing not kept: %s", qPrintable(problem));
        }
        if (change.everything) {
            ++m_fullReads;
            qCInfo(lcFeed, "%s: read the whole store (%s)", qPrintable(m_store->location()),
                   qPrintable(change.why));
        }
        // Implicitly shared: the console's copy costs nothing until one side changes it.
        post([callback = m_callbacks.read, snapshot = *m_picture, change] {
            callback(snapshot, change);
        });
    } catch (const StoreError &e) {
        m_picture.reset(); // a read cut short may have left it half brought up to date
        fail(e.message());
    }
}

void StoreWorker::run(const std::function<void(Store *)> &job)
{
    try {
        job(m_connected ? m_store.get() : nullptr);
    } catch (const StoreError &e) {
        fail(e.message());
    }
}

void StoreWorker::close()
{
    m_connected = false;
    delete m_coalesce;
    m_coalesce = nullptr;
    m_notifier.reset(); // its connection goes before the store's
    m_store.reset();
}

} // namespace daybreak
