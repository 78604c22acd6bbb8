#pragma once

#include "ParitySource.h"
#include "SqlDialect.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <thread>

namespace daybreak {

// One side of a diff: a thread of its own that opens the source's connection and runs what it is
// given on it, so both sides' queries run at the same time (a Qt SQL connection is used only by
// the thread that opened it). Counts the queries issued and the bytes they fetched.
class SideWorker
{
public:
    SideWorker(ParitySource source, QString label);
    ~SideWorker();
    SideWorker(const SideWorker &) = delete;
    SideWorker &operator=(const SideWorker &) = delete;

    // Connects and reads which engine it is; throws SourceUnreachable or std::invalid_argument.
    void open();
    const SqlDialect &dialect() const { return *m_dialect; }
    const QString &label() const { return m_label; }
    const ParitySource &source() const { return m_source; }

    // Runs `job` on the worker's thread; the future carries its result or exception.
    template <typename T> std::future<T> submit(std::function<T(QSqlDatabase &)> job)
    {
        auto task = std::make_shared<std::packaged_task<T(QSqlDatabase &)>>(std::move(job));
        std::future<T> result = task->get_future();
        post([task](QSqlDatabase &db) { (*task)(db); });
        return result;
    }

    // A query on this side's connection: rows of values; throws SourceUnreachable when the
    // connection is lost, std::runtime_error for a statement the engine refused.
    static std::vector<QVariantList> select(QSqlDatabase &db, const QString &sql,
                                            const QVariantList &params, qint64 *bytes);
    qint64 queries() const { return m_queries; }
    qint64 bytes() const { return m_bytes; }
    void count(qint64 queries, qint64 bytes)
    {
        m_queries += queries;
        m_bytes += bytes;
    }

private:
    void post(std::function<void(QSqlDatabase &)> job);
    void loop();

    ParitySource m_source;
    QString m_label;
    QString m_connection;
    std::optional<SqlDialect> m_dialect;
    std::atomic<qint64> m_queries{0};
    std::atomic<qint64> m_bytes{0};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void(QSqlDatabase &)>> m_jobs;
    bool m_stopping = false;
    QSqlDatabase m_db; // touched only on m_thread
    std::thread m_thread;
};

} // namespace daybreak
