#include "SideWorker.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

#include <stdexcept>

namespace daybreak {

SideWorker::SideWorker(ParitySource source, QString label)
    : m_source(std::move(source)), m_label(std::move(label)),
      m_connection(QStringLiteral("daybreak-parity-%1").arg(QUuid::createUuid().toString())),
      m_thread([this] { loop(); })
{
}

SideWorker::~SideWorker()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void SideWorker::post(std::function<void(QSqlDatabase &)> job)
{
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
}

void SideWorker::loop()
{
    for (;;) {
        std::function<void(QSqlDatabase &)> job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_jobs.empty())
                break;
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        job(m_db);
    }
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

void SideWorker::open()
{
    std::future<SqlDialect> opened = submit<SqlDialect>([this](QSqlDatabase &db) {
        db = openSource(m_source, m_connection);
        QString why;
        const std::optional<SqlDialect> dialect = SqlDialect::of(db, &why);
        if (!dialect)
            throw std::invalid_argument(
                QStringLiteral("source %1: %2").arg(m_source.name, why).toStdString());
        return *dialect;
    });
    m_dialect = opened.get();
}

std::vector<QVariantList> SideWorker::select(QSqlDatabase &db, const QString &sql,
                                             const QVariantList &params, qint64 *bytes)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    const bool prepared = q.prepare(sql);
    if (prepared)
        for (const QVariant &p : params)
            q.addBindValue(p);
    if (!prepared || !q.exec()) {
        const QSqlError e = q.lastError();
        // One line, whatever the engine wrote (PostgreSQL points at the column on a second one).
        const std::string text = e.text().simplified().toStdString();
        if (!db.isOpen() || e.type() == QSqlError::ConnectionError ||
            e.text().contains(QLatin1String("server closed the connection")) ||
            e.text().contains(QLatin1String("Lost connection")) ||
            e.text().contains(QLatin1String("gone away")) ||
            e.text().contains(QLatin1String("terminating connection")) ||
            e.text().contains(QLatin1String("no connection to the server")))
            throw SourceUnreachable(text);
        throw std::runtime_error(text);
    }
    std::vector<QVariantList> rows;
    const int width = q.record().count();
    qint64 fetched = 0;
    while (q.next()) {
        QVariantList row;
        row.reserve(width);
        for (int i = 0; i < width; ++i) {
            QVariant v = q.value(i);
            // MariaDB hands a column with a binary collation (utf8mb4_bin) over as bytes; every
            // value a diff reads is text or a number, so bytes are UTF-8 text.
            if (!v.isNull() && v.typeId() == QMetaType::QByteArray)
                v = QString::fromUtf8(v.toByteArray());
            fetched += v.isNull() ? 1 : v.toString().toUtf8().size() + 1;
            row.append(v);
        }
        rows.push_back(std::move(row));
    }
    if (q.lastError().isValid())
        throw SourceUnreachable(q.lastError().text().toStdString());
    if (bytes)
        *bytes += fetched;
    return rows;
}

} // namespace daybreak
