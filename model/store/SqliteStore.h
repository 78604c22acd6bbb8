#pragma once

#include "SqlStore.h"

#include <QDateTime>

#include <optional>

namespace daybreak {

// The embedded store: one SQLite file in WAL mode, shared by the consoles and the CLI on a machine.
// A file opened read-only (asked for, or not writable by this user, or in a folder this user
// cannot write) makes its user a viewer; a viewer never creates the -wal and -shm files.
class SqliteStore final : public SqlStore
{
public:
    // Throws StoreError when the file cannot be opened or used.
    SqliteStore(const QString &path, OpenMode mode, bool readOnly = false);

    QString location() const override { return m_path; }
    std::unique_ptr<ChangeNotifier> createNotifier() override;
    Opener opener() const override;
    // Changes whenever anyone (this connection or another) commits; the notifier polls it.
    qint64 changeToken();
    // Verifies the file the first time someone asks who may change it (finding nothing keeps
    // every role; a finding makes this connection a viewer). Reads and telemetry never pay for
    // it: the orchestrator's `route` and `run-event` open the store on every call.
    Access access() const override;
    Access telemetryAccess() const override { return m_access; }

protected:
    bool hasSchemaTable() override;
    QSqlError startTransaction(bool write) override;
    QStringList requiredTriggers() const override;
    QString presentTriggersSql() const override;
    void beforeStatementAlone() override { reopenIfOutdated(); }

private:
    void openConnection();
    // A viewer reading the file as immutable reopens when a writer has come or gone.
    void reopenIfOutdated();

    QString m_path;
    bool m_askedReadOnly = false;
    bool m_readOnly = false;
    QString m_viewerReason; // why this user may only read, empty when it may write
    bool m_immutable = false;
    QDateTime m_fileStamp;
    qint64 m_reopens = 0;
    mutable std::optional<Access> m_checkedAccess;
};

} // namespace daybreak
